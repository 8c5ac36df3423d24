import { Card } from 'antd';
import { useNavigate } from 'react-router';
import { CatalogueEntryForm } from '../components/catalogue/catalogue-entry-form';
import { Page } from '../components/page';

/** 起草目录条目: saved as a draft, then submitted for the internal review on its record page. */
export default function CatalogueEntryNewPage() {
  const navigate = useNavigate();
  return (
    <Page title="起草目录条目" content="保存后在公示记录页提交审核；经审核和负责人批准后在公开平台发布。">
      <Card>
        <CatalogueEntryForm mode="create" onDone={(id) => void navigate(`/disclosures/${id}`)} />
      </Card>
    </Page>
  );
}
