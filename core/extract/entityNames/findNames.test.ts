import { describe, expect, it } from 'vitest';
import { buildNameIndex, findEntityNames, knownEntitiesOf, type KnownEntity } from './index.ts';

const KNOWN: KnownEntity[] = [
  { id: 'intrusion-set--turla', type: 'intrusion-set', names: ['Turla', 'Snake', 'Waterbug'] },
  { id: 'intrusion-set--sandworm', type: 'intrusion-set', names: ['Sandworm Team', 'ELECTRUM', 'Voodoo Bear'] },
  { id: 'malware--uroburos', type: 'malware', names: ['Uroburos', 'Snake'] },
  { id: 'tool--net', type: 'tool', names: ['Net', 'net.exe'] },
  { id: 'tool--at', type: 'tool', names: ['at', 'at.exe'] },
  { id: 'tool--mimikatz', type: 'tool', names: ['Mimikatz'] },
  { id: 'tool--ipconfig', type: 'tool', names: ['ipconfig'] },
  { id: 'malware--cobalt', type: 'malware', names: ['Cobalt Strike'] },
  { id: 'intrusion-set--apt29', type: 'intrusion-set', names: ['APT29', 'Cozy Bear', 'NOBELIUM'] },
  { id: 'location--japan', type: 'location', names: ['Japan', '日本'] },
  { id: 'identity--finance', type: 'identity', names: ['金融'] },
  { id: 'identity--energy', type: 'identity', names: ['Energy', 'エネルギー'] },
  { id: 'identity--telecom', type: 'identity', names: ['Telecommunications', '通信'] },
  { id: 'location--china', type: 'location', names: ['China', '中国'] },
  { id: 'malware--royal', type: 'malware', names: ['Royal'] },
  { id: 'intrusion-set--play', type: 'intrusion-set', names: ['Play'] },
  { id: 'malware--playcrypt', type: 'malware', names: ['Playcrypt', 'Play'] },
  { id: 'intrusion-set--lazarus', type: 'intrusion-set', names: ['Lazarus Group'] },
  { id: 'tool--route', type: 'tool', names: ['route'] },
  { id: 'tool--bloodhound', type: 'tool', names: ['BloodHound'] },
  { id: 'tool--responder', type: 'tool', names: ['Responder'] },
  { id: 'malware--elise', type: 'malware', names: ['Elise', 'Page'] },
];

const index = buildNameIndex(KNOWN);
const find = (text: string) => findEntityNames([{ page: 1, text }], index);
const ids = (text: string) => find(text).map((match) => match.id);

describe('findEntityNames', () => {
  it('finds a distinctive name in any case for software, with its page, offset and context, ticked', () => {
    const [match] = find('The actor ran mimikatz to dump credentials.');
    expect(match).toMatchObject({ id: 'tool--mimikatz', value: 'mimikatz', ticked: true, reason: 'distinctive', occurrenceCount: 1 });
    expect(match?.occurrences[0]).toMatchObject({ page: 1, offset: 14, length: 8 });
    expect(match?.occurrences[0]?.context).toContain('ran mimikatz to dump');
  });

  it('needs the capital of a group name, and takes the head of "Sandworm Team" alone', () => {
    expect(ids('Sandworm hit the grid.')).toEqual(['intrusion-set--sandworm']);
    expect(ids('the sandworm of desert fiction')).toEqual([]);
    expect(ids('turla is lower case here')).toEqual([]);
  });

  it('never matches a lower-case English word alias, and takes an English-word name only in its exact case, not at a sentence start', () => {
    expect(ids('They met at noon, then used net user.')).toEqual([]);
    expect(ids('Net income rose.')).toEqual([]);
    const [net] = find('The attacker ran Net to list shares.');
    expect(net).toMatchObject({ id: 'tool--net', ticked: false, reason: 'ambiguous' });
  });

  it('ticks an ambiguous name seen twice, and never one of three characters or less', () => {
    // Snake is an alias of both and the name of neither: both are listed.
    const twice = find('The implant, Snake, and later Snake again.');
    expect(twice.map((match) => [match.id, match.ticked, match.reason])).toEqual([['intrusion-set--turla', true, 'repeated'], ['malware--uroburos', true, 'repeated']]);
    expect(find('Use Net here and Net there.')[0]).toMatchObject({ ticked: false });
  });

  it('gives a shared alias to the object the document also names otherwise, else to the one whose name it is', () => {
    expect(ids('Turla used Snake again.')).toEqual(['intrusion-set--turla']);
    expect(ids('Uroburos, also called Snake, and Turla.').sort()).toEqual(['intrusion-set--turla', 'malware--uroburos']);
  });

  it('gives a shared alias to the kind a noun beside it names, before any other rule', () => {
    expect(ids('Turla used its Snake implant.').sort()).toEqual(['intrusion-set--turla', 'malware--uroburos']);
    // The noun also confirms a name that alone would be ambiguous: ticked on one sighting.
    expect(find('The Snake malware was found.').map((match) => [match.id, match.ticked])).toEqual([['malware--uroburos', true]]);
    expect(find('Snake was found.').map((match) => match.ticked)).toEqual([]);
    expect(ids('Uroburos is old; the Snake group is not.').sort()).toEqual(['intrusion-set--turla', 'malware--uroburos']);
    expect(ids('Snakeと呼ばれるマルウェアが見つかった。')).toEqual(['malware--uroburos']);
    expect(ids('マルウェア「Snake」を配布した。')).toEqual(['malware--uroburos']);
    expect(ids('Snakeグループの攻撃')).toEqual(['intrusion-set--turla']);
  });

  it('takes a one-word tool written as a command in any case, ticked, and a lower-case English-word tool only then', () => {
    const [net] = find('They ran net localgroup administrators /domain.');
    expect(net).toMatchObject({ id: 'tool--net', value: 'net', ticked: true, reason: 'distinctive' });
    expect(ids('net group "Domain Admins" and net use \\\\fs01\\c$')).toEqual(['tool--net']);
    expect(ids('Operators used the at command to schedule it.')).toEqual(['tool--at']);
    expect(ids('攻撃者はnet userコマンドを実行した。')).toEqual(['tool--net']);
    // Prose that only looks like a command line.
    expect(ids('The net effect was small; revenue, net -4% year on year, fell.')).toEqual([]);
    expect(ids('The panel is at /admin and we looked at command-and-control servers.')).toEqual([]);
  });

  it('takes a command listed as an item beside another tool, in bullets, a flattened slide or a table, but not a list of prose', () => {
    expect(ids('Commands:\n• ipconfig\n• net group\n• net share')).toEqual(['tool--ipconfig', 'tool--net']);
    expect(find('Discovery • ipconfig • net view • net user')[1]).toMatchObject({ id: 'tool--net', ticked: true, occurrenceCount: 2 });
    expect(ids('コマンド\t説明\nnet user\tアカウントの列挙\nipconfig\t設定の確認')).toEqual(['tool--net', 'tool--ipconfig']);
    // The same words opening items of prose: no other tool in the list, or more than a sub-command after the name.
    expect(ids('Highlights:\n• net income\n• net assets\n• gross margin')).toEqual([]);
    expect(ids('Actions:\n• ipconfig review\n• net new detections weekly')).toEqual(['tool--ipconfig']);
  });

  it('takes a sector in lower case before its noun, ticked, and a two-character Japanese sector name only before one', () => {
    expect(find('They targeted the energy sector.').map((match) => [match.id, match.ticked])).toEqual([['identity--energy', true]]);
    expect(ids('the energy and telecommunications sectors').sort()).toEqual(['identity--energy', 'identity--telecom']);
    expect(ids('The implant used little energy.')).toEqual([]);
    // A capitalised word after it makes it part of another proper name: not the sector.
    expect(ids('the International Atomic Energy Agency')).toEqual([]);
    expect(ids('国内の通信事業者を狙った。')).toEqual(['identity--telecom']);
    expect(ids('C2通信には暗号化を使い、通信先は毎日変わった。')).toEqual([]);
  });

  it('takes a country whose name is an English word at a sentence start, ticked, but not in lower case', () => {
    expect(find('China-nexus actors reused the loader.').map((match) => [match.id, match.ticked])).toEqual([['location--china', true]]);
    expect(ids('fine china and porcelain')).toEqual([]);
  });

  it('reads the words around a name: at with a time, a sub-command before an address, apposition, a list noun; not a verb, a gloss, the first word of another name or a vulnerability', () => {
    expect(ids('the intruder queued at 02:30 /every:F cmd /c r.bat')).toEqual(['tool--at']);
    expect(ids('The call is at 10:30 /JST today.')).toEqual([]);
    expect(ids('They ran route add 172.16.0.0 mask 255.240.0.0 192.168.5.1.')).toEqual(['tool--route']);
    expect(ids('Operators should route all 10.0.0.0 traffic via the proxy, and will route /api calls too.')).toEqual([]);
    // At a sentence's start an English-word name needs its kind beside it.
    expect(find('Royal, a ransomware family, encrypted the hosts.').map((match) => [match.id, match.ticked])).toEqual([['malware--royal', true]]);
    expect(ids('Royal encrypted the hosts.')).toEqual([]);
    expect(ids('The Royal Navy, the Play Store and the Lazarus Project were out of scope.')).toEqual([]);
    expect(ids('The Royal ransomware and the Lazarus Group both struck.').sort()).toEqual(['intrusion-set--lazarus', 'malware--royal']);
    expect(ids('研修では遊び（Play）と王室（Royal）について話した。')).toEqual([]);
    expect(ids('マルウェア（Royal）が見つかった。')).toEqual(['malware--royal']);
    expect(ids('RoyalやPlayといったランサムウェアが確認された。').sort()).toEqual(['malware--playcrypt', 'malware--royal']);
    // A vulnerability's nickname is not the group.
    expect(ids('The lure used CVE-2014-4114 aka Sandworm; the Sandworm exploit came later.')).toEqual([]);
    expect(ids('Sandwormと呼ばれる脆弱性が悪用された。')).toEqual([]);
    expect(ids('(closely related to CVE-\n2014-4114 aka Sandworm, seen before)')).toEqual([]);
    expect(ids('Sandworm exploited a flaw in the HMI.')).toEqual(['intrusion-set--sandworm']);
    // Camel case is no English word as written: taken at a sentence's start, never in lower case.
    expect(find('Discovery: BloodHound mapped the trusts.').map((match) => [match.id, match.ticked])).toEqual([['tool--bloodhound', true]]);
    expect(ids('The kennel kept a bloodhound and a Bloodhound.')).toEqual([]);
    // Software named by a rarer English word keeps its capital: the first responder is a person.
    expect(find('As the first responder, the analyst saw Responder poison LLMNR.').map((match) => [match.id, match.occurrenceCount])).toEqual([['tool--responder', 1]]);
    // Page furniture, an all-capital word after, a vulnerability "called" so.
    expect(ids('Example Labs Research Page 3 of 12, then Page 4 of 12.')).toEqual([]);
    expect(ids('The Play HD Audio service was fake.')).toEqual([]);
    expect(ids('They exploit a vulnerability commonly called Sandworm.')).toEqual([]);
    // People: a title before, a Japanese honorific after.
    expect(ids('Dr. Turla spoke first; 講演者は Mimikatz 氏と Elise Tanaka 氏。')).toEqual([]);
  });

  it('reads a name written joined, hyphenated, or with its number apart', () => {
    expect(ids('CobaltStrike beacons')).toEqual(['malware--cobalt']);
    expect(ids('Cobalt-Strike beacons')).toEqual(['malware--cobalt']);
    expect(find('APT 29 and APT-29')[0]).toMatchObject({ id: 'intrusion-set--apt29', occurrenceCount: 2 });
    expect(ids('Cobalt strikes twice; APT 290')).toEqual([]);
  });

  it('ends a path at Japanese text: a name after a particle is a word, not part of the path', () => {
    expect(ids('ipconfig /allとMimikatzを実行した。')).toEqual(['tool--ipconfig', 'tool--mimikatz']);
  });

  it('keeps all-capital names exact and names with digits in any case', () => {
    expect(ids('NOBELIUM and apt29')).toEqual(['intrusion-set--apt29']);
    expect(find('NOBELIUM and apt29')[0]?.occurrenceCount).toBe(2);
    expect(ids('nobelium is an element')).toEqual([]);
  });

  it('prefers the longest name and does not match inside a longer word', () => {
    expect(ids('Cobalt Strike beacons')).toEqual(['malware--cobalt']);
    expect(ids('Mimikatzes and APT290')).toEqual([]);
  });

  it('never matches inside a domain, URL, e-mail address, registry key or path', () => {
    const text = 'See hxxps://mimikatz[.]example/get, mimikatz.example.com, apt29@mail.example.org, C:\\Tools\\Mimikatz\\x64 and /opt/mimikatz/bin.';
    expect(ids(text)).toEqual([]);
    expect(ids('HKCU\\Software\\Mimikatz\\Run')).toEqual([]);
    // A file name is the tool itself.
    expect(ids('dropped mimikatz.exe')).toEqual(['tool--mimikatz']);
  });

  it('reads full-width forms and Japanese names, reporting the text as written', () => {
    const [tool] = find('攻撃者はＭｉｍｉｋａｔｚを使用した。');
    expect(tool).toMatchObject({ id: 'tool--mimikatz', value: 'Ｍｉｍｉｋａｔｚ' });
    expect(tool?.occurrences[0]).toMatchObject({ offset: 4, length: 8 });
    expect(ids('日本の金融機関を狙ったTurlaの攻撃')).toEqual(['location--japan', 'identity--finance', 'intrusion-set--turla']);
  });

  it('counts every occurrence across pages and keeps at most maxOccurrences of them', () => {
    const pages = [1, 2, 3].map((page) => ({ page, text: 'Turla and Turla' }));
    const [match] = findEntityNames(pages, index, { maxOccurrences: 4 });
    expect(match?.occurrenceCount).toBe(6);
    expect(match?.occurrences.map((occurrence) => occurrence.page)).toEqual([1, 1, 2, 2]);
  });

  it('reads a 500-page document against 1,700 names in well under a second', () => {
    const many: KnownEntity[] = Array.from({ length: 1700 }, (_, i) => ({ id: `malware--m${i}`, type: 'malware', names: [`Malname${i}`, `Alias ${i} Kit`] }));
    const big = buildNameIndex([...KNOWN, ...many]);
    const paragraph = 'The operators deployed Malname17 and Alias 900 Kit through phishing, then moved laterally with stolen credentials across the network. ';
    const pages = Array.from({ length: 500 }, (_, i) => ({ page: i + 1, text: paragraph.repeat(25) }));
    const started = performance.now();
    const matches = findEntityNames(pages, big);
    const elapsed = performance.now() - started;
    expect(matches.map((match) => [match.id, match.occurrenceCount])).toEqual([['malware--m17', 12_500], ['malware--m900', 12_500]]);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('knownEntitiesOf', () => {
  it('takes names and aliases of threats, software, campaigns, countries and sectors, not people, revoked or deprecated objects', () => {
    const entities = knownEntitiesOf([
      { type: 'intrusion-set', id: 'intrusion-set--a', name: 'APT29', aliases: ['APT29', 'Cozy Bear'] },
      { type: 'tool', id: 'tool--b', name: 'Net', x_mitre_aliases: ['Net', 'net.exe'] },
      { type: 'identity', id: 'identity--c', name: 'Energy', identity_class: 'class' },
      { type: 'identity', id: 'identity--d', name: 'MITRE', identity_class: 'organization' },
      { type: 'malware', id: 'malware--e', name: 'Old', revoked: true },
      { type: 'attack-pattern', id: 'attack-pattern--f', name: 'Phishing' },
    ]);
    expect(entities).toEqual([
      { id: 'intrusion-set--a', type: 'intrusion-set', names: ['APT29', 'Cozy Bear'] },
      { id: 'tool--b', type: 'tool', names: ['Net', 'net.exe'] },
      { id: 'identity--c', type: 'identity', names: ['Energy'] },
    ]);
  });
});
