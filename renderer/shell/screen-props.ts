/** What the shell hands every screen: the route's parameters. Apart from nav, so screens never import the list that imports them. */
export interface ScreenProps {
  params: Record<string, string>;
}
