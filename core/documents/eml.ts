/**
 * An e-mail message (.eml, RFC 5322 + MIME) → its body text and metadata, with postal-mime
 * (pure JavaScript; browsers and Node). Subject → title, From → author and the sender's
 * domain as the publisher, Date → date. The plain-text body is preferred; an HTML-only
 * message goes through htmlToText. Attachments are named, never opened: a phishing
 * sample's attachment is evidence to handle separately, not text to mine.
 */
import PostalMime, { type Address } from 'postal-mime';
import { htmlToText } from './html.ts';
import type { DocumentMetadata } from './types.ts';

export interface EmailText {
  text: string;
  metadata: DocumentMetadata;
}

function sender(address: Address | undefined): { name?: string; address?: string } {
  if (!address) return {};
  if (address.address !== undefined) return { name: address.name, address: address.address };
  const first = address.group[0];
  return first ? { name: first.name, address: first.address } : {};
}

export async function emailToText(bytes: Uint8Array): Promise<EmailText> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const metadata: DocumentMetadata = {};
  const subject = email.subject?.trim();
  if (subject) metadata.title = subject;
  const from = sender(email.from);
  const author = from.name?.trim() || from.address;
  if (author) metadata.author = author;
  const domain = from.address?.split('@')[1]?.trim().toLowerCase();
  if (domain) metadata.publisherDomains = [domain];
  if (email.date) {
    const date = new Date(email.date);
    if (!Number.isNaN(date.getTime())) metadata.date = date.toISOString();
  }
  const names = email.attachments.map((attachment) => attachment.filename ?? `(unnamed ${attachment.mimeType})`);
  if (names.length > 0) metadata.attachments = names;
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html).text : '';
  return { text: text.replace(/\r\n?/g, '\n').trim(), metadata };
}
