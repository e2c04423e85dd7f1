// Where a document is downloaded from, and previewed (shown in the browser, in a new tab).
export const attachmentHref = (attachmentId: string) => `/api/v1/attachments/${encodeURIComponent(attachmentId)}`;
export const attachmentPreviewHref = (attachmentId: string) => `${attachmentHref(attachmentId)}?inline=1`;
export const attachmentUploadUrl = (applicationId: string) => `/api/v1/applications/${encodeURIComponent(applicationId)}/attachments`;
