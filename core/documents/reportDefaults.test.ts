import { describe, expect, it } from 'vitest';
import { datesIn, firstHeading, isGenericTitle, reportDefaults } from './reportDefaults.ts';

describe('generic titles', () => {
  it.each(['PowerPoint プレゼンテーション', 'Microsoft Word - draft.docx', 'Untitled', 'Document1', 'Presentation1', '無題', 'report_v3.pdf', '', '  '])('%j gives way to the first heading', (title) => {
    expect(isGenericTitle(title)).toBe(true);
  });
  it.each(['Operation Dust Storm', 'APT29 targets diplomats', '標的型攻撃に関する注意喚起', 'The Dropping Elephant actor'])('%j is kept', (title) => {
    expect(isGenericTitle(title)).toBe(false);
  });
});

describe('the first heading', () => {
  it('skips markings, page numbers and date lines', () => {
    expect(firstHeading('TLP:AMBER\n\n1 / 12\nNovember 3, 2026\n  Operation   Blue Lantern: a new loader  \nBody text')).toBe('Operation Blue Lantern: a new loader');
    expect(firstHeading('社外秘\n2026年11月3日\n標的型攻撃メールに関する注意喚起\n本文')).toBe('標的型攻撃メールに関する注意喚起');
  });
  it('is absent when the page has no line that reads as a title', () => {
    expect(firstHeading('12\n---\n1.2.3.4')).toBeUndefined();
    // A copyright or rights line (a slide deck's footer often prints first) is never the title, however the PDF spaced it.
    expect(firstHeading('Copy right ©2021 Example CERT All rights reserv ed.\n0\nOperations Targeting Ports\nBody')).toBe('Operations Targeting Ports');
    expect(firstHeading('Copyright (c) 2024 Example Security, Inc.\nThe Quiet Loader')).toBe('The Quiet Loader');
    expect(firstHeading('本資料の無断転載を禁じます\n著作権は一般社団法人Exampleに帰属します\n標的型攻撃の分析')).toBe('標的型攻撃の分析');
  });
});

describe('dates printed on the first page', () => {
  it.each([
    ['発行日：2026年11月3日', '2026-11-03'],
    ['公開 ２０２６年１１月３日', '2026-11-03'],
    ['2026/11/03 更新', '2026-11-03'],
    ['Published: November 3, 2026', '2026-11-03'],
    ['Nov. 3rd 2026', '2026-11-03'],
    ['3 Nov 2026', '2026-11-03'],
    ['03 November, 2026', '2026-11-03'],
  ])('%j reads as %s', (text, date) => {
    expect(datesIn(text)).toEqual([date]);
  });
  it('is not a version, an address or an impossible day', () => {
    expect(datesIn('version 2026.11.03.1, 10.2026.11.3, 2026/02/30')).toEqual([]);
  });
});

describe('report defaults', () => {
  const firstPage = 'TLP:CLEAR\nOperation Blue Lantern\n2026年11月3日\nJPCERT/CC';
  it('prefer the heading to a generic title and the printed date to the metadata', () => {
    expect(reportDefaults({ metadataTitle: 'PowerPoint プレゼンテーション', metadataDate: '2026-12-01T09:00:00Z', firstPage, fileName: 'blue.pdf', headed: true })).toEqual({ name: 'Operation Blue Lantern', published: '2026-11-03' });
    expect(reportDefaults({ metadataTitle: 'Microsoft Word - draft.docx', firstPage: 'Operation Red Kite\nPublished 3 Nov 2026', fileName: 'x.pdf', headed: true })).toEqual({ name: 'Operation Red Kite', published: '2026-11-03' });
  });
  it('keep a real title and fall back to the metadata date, then to the file name', () => {
    expect(reportDefaults({ metadataTitle: 'APT29 targets diplomats', metadataDate: '2026-12-01T09:00:00Z', firstPage: 'Summary\nno date here', fileName: 'x.pdf', headed: true })).toEqual({ name: 'APT29 targets diplomats', published: '2026-12-01' });
    expect(reportDefaults({ metadataTitle: 'Untitled', firstPage: '', fileName: 'notes.txt', headed: false })).toEqual({ name: 'notes' });
    expect(reportDefaults({ firstPage: 'C2: hxxp://a[.]example/x\n', fileName: 'notes.txt', headed: false })).toEqual({ name: 'notes' });
    expect(reportDefaults({ firstPage: 'Operation Red Kite\n', fileName: 'scan0001.pdf', headed: true })).toEqual({ name: 'Operation Red Kite' });
  });
});
