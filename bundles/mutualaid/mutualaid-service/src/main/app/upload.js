// Sends a claim's picked documents, one request each (POST /claims/{id}/attachments with the raw file), each with its
// own Idempotency-Key so a retried tap stores it once. Answers the files that could not be sent, with why.
import { sendFile } from '@unionhub/app-kit';

export async function uploadDocuments(claimId, groups) {
  const failed = [];
  for (const [kind, items] of Object.entries(groups)) {
    for (const item of items) {
      if (item.status === 'done') continue;
      item.status = 'uploading';
      item.message = '上传中';
      const name = encodeURIComponent((item.file && item.file.name) || 'photo.jpg');
      try {
        await sendFile(`mutual-aid/claims/${claimId}/attachments?kind=${kind}&fileName=${name}`, item.file, { create: true });
        item.status = 'done';
        item.message = '';
      } catch (e) {
        item.status = 'failed';
        item.message = '上传失败';
        failed.push(`${item.file ? item.file.name : ''}：${e.message}`);
      }
    }
  }
  return failed;
}
