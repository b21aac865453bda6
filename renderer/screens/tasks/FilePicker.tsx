import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Collects files without uploading them; the form sends them with its own save. */
export function FilePicker({
  files,
  onChange,
  disabled,
  label,
}: {
  files: UploadFile[];
  onChange: (f: UploadFile[]) => void;
  disabled?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Upload
      multiple
      fileList={files}
      beforeUpload={(file) => {
        onChange([...files, { uid: file.uid, name: file.name, size: file.size, originFileObj: file, status: undefined }]);
        return false;
      }}
      onRemove={(file) => onChange(files.filter((f) => f.uid !== file.uid))}
      disabled={disabled}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        {label ?? t('evidence.pick')}
      </Button>
    </Upload>
  );
}
