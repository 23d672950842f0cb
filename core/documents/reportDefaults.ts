/**
 * The report name and published date a review starts with (issue 16, point 5). A PDF's
 * Title is often what the authoring program wrote ("PowerPoint プレゼンテーション",
 * "Microsoft Word - draft.docx") and its CreationDate is when the file was exported; the
 * first page says what the report is called and when it was published, so both win.
 * English and Japanese. Pure: the review and the CLI share it.
 */

/** Titles an authoring program writes by itself, in English and Japanese. */
const GENERIC_TITLES: readonly RegExp[] = [
  /^(?:microsoft\s+)?(?:power\s*point|word|excel)\s*(?:-|–|—|:)\s*/i,
  /^(?:power\s*point\s*)?(?:プレゼンテーション|presentation)\s*\d*$/i,
  /^(?:untitled|no title|document|doc|presentation|slide|book|draft)[\s_-]*\d*$/i,
  /^(?:無題|タイトルなし|文書|ドキュメント|新しい\s*microsoft\s*\S+)\s*\d*$/i,
  /\.(?:docx?|pptx?|xlsx?|rtf|odt|pdf|txt|indd|pages|key)$/i,
  /^[\s\d_.-]*$/,
];

export function isGenericTitle(title: string | undefined): boolean {
  const trimmed = (title ?? '').normalize('NFKC').trim();
  return trimmed === '' || GENERIC_TITLES.some((pattern) => pattern.test(trimmed));
}

/** Lines at the top of a page that are never its heading: markings, dates, page furniture, links. */
const NOT_A_HEADING: readonly RegExp[] = [
  /^tlp\s*:/i,
  /^(?:confidential|internal|public|draft|社外秘|機密|関係者外秘|取扱注意)\b/i,
  /^(?:page|p\.)\s*\d+/i,
  /^\d+\s*(?:\/|of)\s*\d+$/i,
  /^(?:https?:\/\/|www\.)/i,
  /^[\p{P}\p{S}\d\s]+$/u,
  // Copyright and rights lines, however the PDF spaced them (`Copy right ©2021 … reserv ed.`).
  /©|\(c\)\s*\d{4}|\bcopy\s?right\b|\ball\s+rights\s+reserv|無断(?:転載|複製|転用)|著作権/i,
];

/** The first line of the first page that reads as a title, when there is one. */
export function firstHeading(firstPage: string): string | undefined {
  const lines = firstPage.split(/\r?\n/).slice(0, 20);
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line.length < 4 || line.length > 160) continue;
    if (!/[\p{L}]/u.test(line)) continue;
    if (NOT_A_HEADING.some((pattern) => pattern.test(line))) continue;
    if (datesIn(line).length > 0 && line.replace(DATE_WORDS, '').trim().length < 6) continue;
    return line;
  }
  return undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_PATTERNS: readonly { pattern: RegExp; parts: (match: RegExpExecArray) => [string, string | number, string] }[] = [
  // 2026年11月3日
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  // 2026/11/03, 2026-11-03, 2026.11.03 (not inside a longer number or version)
  { pattern: /(?<![\d.])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d.]*\d)/g, parts: (m) => [m[1] ?? '', m[3] ?? '', m[4] ?? ''] },
  // November 3, 2026 / Nov. 3rd 2026
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), parts: (m) => [m[3] ?? '', monthNumber(m[1]), m[2] ?? ''] },
  // 3 Nov 2026 / 3 November, 2026
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'), parts: (m) => [m[3] ?? '', monthNumber(m[2]), m[1] ?? ''] },
];
const DATE_WORDS = new RegExp(`${MONTH}|\\d|[年月日/.,-]|published|date|updated|発行日?|公開日?|更新日?|作成日?|[:：]`, 'gi');

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').slice(0, 4).toLowerCase().replace(/\.$/, '')] ?? MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

function isoDay(year: string, month: string | number, day: string): string | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Every date written in the text, as yyyy-mm-dd, in the order they appear. */
export function datesIn(text: string): string[] {
  const normalized = text.normalize('NFKC');
  const found: { at: number; date: string }[] = [];
  for (const { pattern, parts } of DATE_PATTERNS) {
    for (const match of normalized.matchAll(pattern)) {
      const [year, month, day] = parts(match);
      const date = isoDay(year, month, day);
      if (date) found.push({ at: match.index, date });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.date);
}

/** The first date printed near the top of the first page. */
export function firstPageDate(firstPage: string): string | undefined {
  return datesIn(firstPage.slice(0, 3000))[0];
}

export interface ReportDefaultsInput {
  metadataTitle?: string | undefined;
  /** ISO 8601, from the file's metadata. */
  metadataDate?: string | undefined;
  firstPage: string;
  fileName: string;
  /**
   * Whether the first line is likely a title when the file names none: true for PDFs and
   * web pages; a plain-text note's first line is usually content, so its file name stays.
   */
  headed: boolean;
}

/** The name and yyyy-mm-dd date a review starts with; `published` is absent when nothing states one. */
export function reportDefaults(input: ReportDefaultsInput): { name: string; published?: string } {
  const title = input.metadataTitle?.trim();
  const heading = title || input.headed ? firstHeading(input.firstPage) : undefined;
  const name = title && !isGenericTitle(title) ? title : (heading ?? input.fileName.replace(/\.[^.]+$/, ''));
  const published = firstPageDate(input.firstPage) ?? input.metadataDate?.slice(0, 10);
  return { name, ...(published ? { published } : {}) };
}
