import type { uiDocumentsVi } from "./ui-documents-vi";

export const uiDocumentsEn: Record<keyof typeof uiDocumentsVi, string> = {
  "docs.tabBody": "Sections I–IV, recipients",
  "docs.bodyHint":
    "Written from the figures; edit it into the ward’s own words. Empty sections are not printed.",
  "docs.section.results": "I. Results (opening paragraph)",
  "docs.section.shortcomings": "II. Shortcomings and causes",
  "docs.section.nextTasks": "III. Key tasks for the next period",
  "docs.section.proposals": "IV. Proposals",
  "docs.restoreSuggested": "Restore the suggested text",
  "docs.recipients": "Recipients (one per line)",
  "docs.recipientsHint":
    'The last line "{{archive}}" is added from the drafting unit.',
  "docs.recipientsDefault": "Use the ward’s default list",
  "docs.recipientsCustom": "This document’s own list",
  "docs.saveBody": "Save sections",
  "docs.savedBody": "Report sections saved.",
  "docs.original": "Period report",
  "docs.supplementN": "Supplement {{n}}",
  "docs.createSupplement": "Create a supplementary report",
  "docs.supplementCreated": "Supplementary report {{n}} created (draft).",
  "docs.planPanel": "Plan document",
  "docs.planPanelTitle": "The {{year}} plan document",
  "docs.planDraft":
    "No issue date yet: the document prints as a DRAFT (DỰ THẢO), without a date or the signer’s name.",
  "docs.planIssued": "Issued on {{date}}.",
  "docs.docNumber": "Number and symbol",
  "docs.issuedOn": "Issue date",
  "docs.signerName": "Signer’s name",
  "docs.signerTitle": "Signer’s title",
  "docs.generalGoal": "General objective",
  "docs.previousResults": "Previous year’s results",
  "docs.objectives": "Specific objectives",
  "docs.solutions": "Solutions",
  "docs.organisation":
    "Organisation of implementation (empty: written from the lead units)",
  "docs.emptyLeftOut":
    "Empty sections are not printed (the app writes nothing in their place).",
  "docs.savePlan": "Save the plan document",
  "docs.savedPlan": "Plan document saved.",
  "docs.settings": "Ward settings",
  "docs.draftingUnit": "Drafting unit (abbreviation, e.g. VHXH)",
  "docs.reportRecipients": "Default recipients of reports",
  "docs.planRecipients": "Default recipients of the plan",
  "docs.saveSettings": "Save settings",
  "docs.savedSettings": "Document settings saved.",
};
