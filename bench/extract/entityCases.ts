/**
 * Labelled report paragraphs for matching the names of known threats (issue 16, point 2),
 * written before the matching rules, against ATT&CK Enterprise's names and aliases. Each
 * case lists the objects the paragraph truly refers to, by type and ATT&CK primary name:
 * a word that only looks like a name (`net income`, `a snake`, `Solar panels`) is not a
 * mention, and a name inside a domain, URL, path or e-mail address is not one either
 * (the indicator carries it). The paragraphs are made up; the traps are the ones real
 * reports hold: aliases that are English words, tools written as commands, capitals at
 * the start of a sentence, full-width forms, Japanese without spaces.
 */
import { createHash } from 'node:crypto';

export interface EntityCase {
  id: string;
  lang: 'en' | 'ja';
  text: string;
  /** `type|primary name` of every object the text refers to. */
  expect: string[];
}

/**
 * ATT&CK has no countries or sectors. These are written as an analyst's knowledge base
 * holds them after importing OpenCTI's: countries as locations, sectors as identities of
 * class `class`, with `x_opencti_aliases` (Japanese ones too). `通信` (telecommunications)
 * is also the everyday word for network traffic (`C2通信`): the trap of a short Japanese alias.
 */
const place = (name: string, aliases: string[]) => ({ type: 'location', spec_version: '2.1', id: `location--${uuidOf(name)}`, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name, country: name.slice(0, 2).toUpperCase(), x_opencti_aliases: aliases });
const sector = (name: string, aliases: string[]) => ({ type: 'identity', spec_version: '2.1', id: `identity--${uuidOf(name)}`, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name, identity_class: 'class', x_opencti_aliases: aliases });
/** A fixed, valid UUIDv4-shaped id per name, so runs compare. */
function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const PLACES_AND_SECTORS: readonly Record<string, unknown>[] = [
  place('Japan', ['日本']),
  place('China', ['中国', "People's Republic of China"]),
  place('North Korea', ['DPRK', '北朝鮮']),
  place('United States', ['USA', 'United States of America', '米国', 'アメリカ']),
  place('Turkey', ['Türkiye', 'トルコ']),
  place('Georgia', ['ジョージア']),
  sector('Energy', ['エネルギー']),
  sector('Finance', ['Financial services', '金融']),
  sector('Healthcare', ['医療']),
  sector('Government', ['政府']),
  sector('Defense', ['防衛']),
  sector('Telecommunications', ['Telecom', '通信']),
];

export const ENTITY_CASES: readonly EntityCase[] = [
  { id: 'aliases-in-parentheses', lang: 'en', text: 'APT28, also known as Fancy Bear and Sofacy, targeted European ministries in 2024. The group delivered its implant by spear-phishing.', expect: ['intrusion-set|APT28'] },
  { id: 'sandworm-prose', lang: 'en', text: 'Sandworm deployed a new wiper against the grid operator. Unlike the sandworm of desert fiction, this actor prefers quiet persistence.', expect: ['intrusion-set|Sandworm Team'] },
  { id: 'commands-net-at', lang: 'en', text: 'The operators ran net user /domain and net group "Domain Admins" to enumerate accounts, then used at to schedule a task at 03:00.', expect: ['tool|Net', 'tool|at'] },
  { id: 'mimikatz-psexec', lang: 'en', text: 'We observed Mimikatz and mimikatz.exe on the host, alongside PsExec for lateral movement.', expect: ['tool|Mimikatz', 'tool|PsExec'] },
  { id: 'tor', lang: 'en', text: "Traffic was routed over Tor to hide its origin. The tor browser bundle was found in the user's downloads.", expect: ['tool|Tor'] },
  { id: 'impacket', lang: 'en', text: "The intruders used Impacket's wmiexec.py and secretsdump.py against the domain controller.", expect: ['tool|Impacket'] },
  { id: 'turla-snake', lang: 'en', text: "Turla's Snake implant (also called Uroburos) was dismantled by law enforcement in 2023.", expect: ['intrusion-set|Turla', 'malware|Uroburos'] },
  { id: 'a-snake', lang: 'en', text: 'A snake was found in the server room, which is not a threat actor. The play area was closed.', expect: [] },
  { id: 'inside-urls-emails', lang: 'en', text: 'The loader beaconed to hxxps://turla-update[.]com/mimikatz/get.php and to emotet.example.net; mail came from lazarus@proton.me and kimsuky-news@mail.example.org.', expect: [] },
  { id: 'inside-paths', lang: 'en', text: 'The dropper wrote C:\\Users\\Public\\Emotet\\cobaltstrike.dll and /tmp/sliver/implant before deleting /opt/Impacket/build.', expect: [] },
  { id: 'emotet-chain', lang: 'en', text: 'Emotet resurfaced in March, dropping QakBot and later Cobalt Strike beacons that led to Conti ransomware.', expect: ['malware|Emotet', 'malware|QakBot', 'malware|Cobalt Strike', 'malware|Conti'] },
  { id: 'lazarus-zinc', lang: 'en', text: 'Lazarus Group, tracked by others as HIDDEN COBRA, used a zinc-themed lure; zinc prices were the bait.', expect: ['intrusion-set|Lazarus Group'] },
  { id: 'play-gang', lang: 'en', text: 'The Play ransomware gang claimed the attack. Play encrypted files with the .play extension. Children like to play outside.', expect: ['intrusion-set|Play', 'malware|Playcrypt'] },
  { id: 'expand-route', lang: 'en', text: 'Staff were told to expand the archive and route the output to a shared folder.', expect: [] },
  { id: 'net-income', lang: 'en', text: 'Net income rose 4% this quarter, and the security team will ping the vendor about the renewal.', expect: [] },
  { id: 'ngrok-rclone', lang: 'en', text: 'The actor leveraged ngrok tunnels and Rclone to exfiltrate data to cloud storage.', expect: ['tool|ngrok', 'tool|Rclone'] },
  { id: 'apt29-solarwinds', lang: 'en', text: 'APT29 (a.k.a. Cozy Bear, NOBELIUM, Midnight Blizzard) was behind the SolarWinds Compromise.', expect: ['intrusion-set|APT29', 'campaign|SolarWinds Compromise'] },
  { id: 'kimsuky', lang: 'en', text: 'Kimsuky sent lures about the summit; the same cluster is tracked as APT43 and Emerald Sleet.', expect: ['intrusion-set|Kimsuky'] },
  { id: 'blacktech', lang: 'en', text: 'BlackTech, which some vendors call Palmerworm, targeted routers in Japan and Taiwan.', expect: ['intrusion-set|BlackTech', 'location|Japan'] },
  { id: 'tick-clock', lang: 'en', text: 'Tick (BRONZE BUTLER) abused asset-management software. Every tick of the clock matters in response.', expect: ['intrusion-set|BRONZE BUTLER'] },
  { id: 'oceanlotus-cobalt', lang: 'en', text: 'OceanLotus continued to use Cobalt Strike. A cobalt mine was the lure topic.', expect: ['intrusion-set|APT32', 'malware|Cobalt Strike'] },
  { id: 'plugx', lang: 'en', text: 'We found PlugX loaded by a signed binary; PlugX is also known as Korplug.', expect: ['malware|PlugX'] },
  { id: 'lolbins', lang: 'en', text: 'The attackers used cmd.exe, reg.exe and certutil to stage payloads.', expect: ['tool|cmd', 'tool|Reg', 'tool|certutil'] },
  { id: 'mango', lang: 'en', text: "MuddyWater's campaign used legitimate remote tools; Seedworm and Mango Sandstorm are other names for it. Mango smoothies were not involved.", expect: ['intrusion-set|MuddyWater'] },
  { id: 'volt-typhoon', lang: 'en', text: 'Volt Typhoon lived off the land with netsh and wmic, avoiding malware entirely.', expect: ['intrusion-set|Volt Typhoon', 'tool|netsh'] },
  { id: 'carbanak', lang: 'en', text: "FIN7's Carbanak backdoor remains in use; the Carbanak group overlaps with FIN7.", expect: ['intrusion-set|FIN7', 'malware|Carbanak', 'intrusion-set|Carbanak'] },
  { id: 'equation-algebra', lang: 'en', text: 'Equation solving is taught in algebra; the equation below has no threat content.', expect: [] },
  { id: 'solar-carbon-lures', lang: 'en', text: 'Solar panels and Carbon credits were the lure topics chosen by Gamaredon this spring.', expect: ['intrusion-set|Gamaredon Group'] },
  { id: 'wannacry-notpetya', lang: 'en', text: 'Unlike WannaCry, NotPetya spread through the M.E.Doc update channel.', expect: ['malware|WannaCry', 'malware|NotPetya'] },
  { id: 'ja-apt28', lang: 'ja', text: 'APT28（別名：Fancy Bear、Sofacy）は欧州の省庁を標的にした。', expect: ['intrusion-set|APT28'] },
  { id: 'ja-fullwidth-tools', lang: 'ja', text: '攻撃者はＭｉｍｉｋａｔｚとＰｓＥｘｅｃを使用して横展開を行った。', expect: ['tool|Mimikatz', 'tool|PsExec'] },
  { id: 'ja-lazarus-tor', lang: 'ja', text: 'Lazarus Groupは暗号資産交換業者を狙い、Ｔｏｒ経由でC2サーバーに接続した。', expect: ['intrusion-set|Lazarus Group', 'tool|Tor'] },
  { id: 'ja-blacktech', lang: 'ja', text: 'BlackTechによるルーター改ざんが国内で確認された。Palmerwormとも呼ばれる。', expect: ['intrusion-set|BlackTech'] },
  { id: 'ja-emotet', lang: 'ja', text: 'Emotetの感染メールが再び配信されている。添付ファイルはC:\\Users\\Public\\Emotet\\請求書.docmに保存された。', expect: ['malware|Emotet'] },
  { id: 'ja-apt41', lang: 'ja', text: 'APT41は国内のゲーム会社を狙い、Cobalt Strikeのビーコンとngrokのトンネルを設置した。', expect: ['intrusion-set|APT41', 'malware|Cobalt Strike', 'tool|ngrok'] },
  { id: 'ja-commands', lang: 'ja', text: '攻撃者はnet userコマンドとpingで環境を確認した。', expect: ['tool|Net', 'tool|Ping'] },
  { id: 'ja-turla-snake', lang: 'ja', text: 'Turlaは「Snake」と呼ばれるマルウェアを長年使用していた。', expect: ['intrusion-set|Turla', 'malware|Uroburos'] },
  { id: 'ja-fullwidth-domain', lang: 'ja', text: '通信先は ｔｕｒｌａ－ｕｐｄａｔｅ．ｃｏｍ と kimsuky@mail.example.org であった。', expect: [] },
  { id: 'ja-fullwidth-sandworm', lang: 'ja', text: 'Ｓａｎｄｗｏｒｍ Ｔｅａｍはウクライナの電力網を攻撃した。', expect: ['intrusion-set|Sandworm Team'] },
  { id: 'ja-menupass', lang: 'ja', text: 'APT10（menuPass）は日本の学術機関を標的とした。', expect: ['intrusion-set|menuPass', 'location|Japan'] },
  // Round 2 (written before its rules): tools written as commands, a spelling several
  // objects share decided by the word beside it, names written joined or hyphenated.
  { id: 'command-switches', lang: 'en', text: 'From the web shell they ran ping -n 1 10.10.5.20, arp -a and ipconfig /all, then net localgroup administrators /domain.', expect: ['tool|Ping', 'tool|Arp', 'tool|ipconfig', 'tool|Net'] },
  { id: 'command-reg-route', lang: 'en', text: 'Persistence came from reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Updater, and route print -4 listed the VPN routes.', expect: ['tool|Reg', 'tool|route'] },
  { id: 'command-exe', lang: 'en', text: 'The batch file called net.exe, at.exe and expand.exe from System32.', expect: ['tool|Net', 'tool|at', 'tool|Expand'] },
  { id: 'command-word', lang: 'en', text: 'Operators used the at command to schedule the payload and the route utility to add a static route.', expect: ['tool|at', 'tool|route'] },
  { id: 'prose-net-ping-route', lang: 'en', text: 'The net effect of the outage was small. Please ping the help desk and route questions to the on-call engineer at noon.', expect: [] },
  { id: 'prose-switch-like', lang: 'en', text: 'Revenue, net -4% year on year, fell. The portal is at /admin/login and the team will route /api traffic through the proxy.', expect: [] },
  { id: 'snake-malware', lang: 'en', text: 'The Snake malware was found on a ministry server; investigators attributed it to a Russian service.', expect: ['malware|Uroburos'] },
  { id: 'keyboy-group', lang: 'en', text: 'The KeyBoy group, active since 2013, targeted Tibetan activists with the KeyBoy backdoor.', expect: ['intrusion-set|Tropic Trooper', 'malware|KeyBoy'] },
  { id: 'strongpity-implant', lang: 'en', text: 'PROMETHIUM distributed StrongPity implants through trojanized installers.', expect: ['intrusion-set|PROMETHIUM', 'malware|StrongPity'] },
  { id: 'akira-both', lang: 'en', text: 'Akira ransomware affiliates exploited VPN appliances; the Akira group runs a leak site.', expect: ['malware|Akira', 'intrusion-set|Akira'] },
  { id: 'joined-hyphenated', lang: 'en', text: 'Beacons of CobaltStrike were found next to Brute-Ratel C4 payloads, and Mustang-Panda reused the loader. APT 28 and APT-29 were also mentioned.', expect: ['malware|Cobalt Strike', 'tool|Brute Ratel C4', 'intrusion-set|Mustang Panda', 'intrusion-set|APT28', 'intrusion-set|APT29'] },
  { id: 'ja-snake-malware', lang: 'ja', text: 'Snakeと呼ばれるマルウェアがドイツの政府機関で見つかった。', expect: ['malware|Uroburos', 'identity|Government'] },
  { id: 'ja-machete-both', lang: 'ja', text: 'Macheteグループはスペイン語圏の組織を狙い、マルウェア「Machete」を配布した。', expect: ['intrusion-set|Machete', 'malware|Machete'] },
  { id: 'ja-keyboy-group', lang: 'ja', text: 'KeyBoyグループはチベット関係者を標的とした。', expect: ['intrusion-set|Tropic Trooper'] },
  { id: 'ja-commands-2', lang: 'ja', text: '攻撃者はipconfig /allとarp -aを実行し、routeコマンドで経路を確認した後、net.exeで共有を列挙した。', expect: ['tool|ipconfig', 'tool|Arp', 'tool|route', 'tool|Net'] },
  { id: 'ja-prose-negative', lang: 'ja', text: '新しい経路はroute設計書に従い、Expandボタンから詳細を開くこと。純利益はnet表示で4%減。', expect: [] },
  { id: 'ja-joined', lang: 'ja', text: '侵入後、CobaltStrikeのビーコンとＢｒｕｔｅ－Ｒａｔｅｌ Ｃ４が設置された。', expect: ['malware|Cobalt Strike', 'tool|Brute Ratel C4'] },
  // Round 2b (written before its rule): commands listed one per item, in bullets or a
  // table, with no switch; lists of prose that only start with the same words.
  { id: 'command-list-bullets', lang: 'en', text: 'Commands the operator ran after logging in:\n• ipconfig /all\n• net group\n• net share\n• reg query\n• route print\n• whoami', expect: ['tool|ipconfig', 'tool|Net', 'tool|Reg', 'tool|route'] },
  { id: 'command-list-flattened', lang: 'en', text: 'Discovery • ipconfig • net group • net view • netstat • reg query • route print • tasklist', expect: ['tool|ipconfig', 'tool|Net', 'tool|netstat', 'tool|Reg', 'tool|route', 'tool|Tasklist'] },
  { id: 'ja-command-table', lang: 'ja', text: '攻撃者が実行したコマンド\nコマンド\t説明\nnet user\tアカウントの列挙\nnet view\t共有の列挙\ntasklist\tプロセスの一覧\nroute print\t経路の確認', expect: ['tool|Net', 'tool|Tasklist', 'tool|route'] },
  { id: 'prose-list-actions', lang: 'en', text: 'Recommended actions:\n• patch exposed VPN appliances\n• route logs to the SIEM\n• net new detections weekly\n• reset credentials', expect: [] },
  { id: 'prose-list-finance', lang: 'en', text: 'Quarterly highlights of the victim company:\n• net income\n• net assets\n• gross margin', expect: [] },
  // Round 2c (written before its rules): countries and sectors, as reports write them —
  // (three earlier paragraphs name a country or a sector too: their labels now say so) —
  // sectors in lower case before their noun, country names that are English words at the
  // start of a sentence, Japanese names, and `通信` that is traffic, not telecommunications.
  { id: 'sectors-lowercase', lang: 'en', text: 'The campaign targeted the energy sector and healthcare organizations in Japan and the United States.', expect: ['identity|Energy', 'identity|Healthcare', 'location|Japan', 'location|United States'] },
  { id: 'sectors-prose-negative', lang: 'en', text: 'The implant used little energy, and its authors had limited finance; education about phishing still helps.', expect: [] },
  { id: 'countries-sentence-start', lang: 'en', text: 'China-nexus actors reused the loader. Turkey and Georgia reported similar intrusions; North Korea was not involved.', expect: ['location|China', 'location|Turkey', 'location|Georgia', 'location|North Korea'] },
  { id: 'ja-sectors', lang: 'ja', text: '攻撃者は国内の金融機関とエネルギー業界を狙い、C2通信には正規のクラウドサービスを使った。', expect: ['identity|Finance', 'identity|Energy'] },
  { id: 'ja-countries', lang: 'ja', text: '北朝鮮を拠点とするグループが日本と米国の防衛産業を標的とした。', expect: ['location|North Korea', 'location|Japan', 'location|United States', 'identity|Defense'] },
  { id: 'ja-telecom', lang: 'ja', text: '国内の通信事業者が標的となり、通信の暗号化には独自方式が使われた。', expect: ['identity|Telecommunications'] },
  // Round 3 (seventh session, written before its rules): `at` with a time and a command,
  // a sub-command before an address, a name in apposition to its kind (`Royal, a
  // ransomware family`), an English-word name that is the first word of another proper
  // name (`Royal Navy`), a Japanese gloss of an English word (`遊び（Play）`), the noun
  // of a list (`…やPlayといったランサムウェア`), and verbs that stay verbs after `will` or `to`.
  { id: 'at-time-command', lang: 'en', text: 'On the old domain controller the intruder queued at 02:30 /every:F cmd /c "C:\\PerfLogs\\r.bat" for a weekly run.', expect: ['tool|at', 'tool|cmd'] },
  { id: 'ja-at-host-time', lang: 'ja', text: 'タスク登録には at \\\\10.1.2.3 04:00 C:\\tmp\\s.bat が使われた。', expect: ['tool|at'] },
  { id: 'at-time-prose', lang: 'en', text: 'The bridge call is at 10:30 /JST and again at 16:00 UTC; the report is due at noon.', expect: [] },
  { id: 'route-add-address', lang: 'en', text: 'They pinned a path with route add 172.16.0.0 mask 255.240.0.0 192.168.5.1, then ran ping -n 3 172.16.4.4.', expect: ['tool|route', 'tool|Ping'] },
  { id: 'verbs-after-modal', lang: 'en', text: 'Operators should route all 10.0.0.0 traffic through the proxy; the team will route /api calls the same way and plans to expand /var later.', expect: [] },
  { id: 'apposition-kind', lang: 'en', text: 'Royal, a ransomware family first seen in 2022, encrypted the ESXi hosts. Carbon, a second-stage backdoor, was found on two servers.', expect: ['malware|Royal', 'malware|Carbon'] },
  { id: 'first-word-of-another-name', lang: 'en', text: 'The Royal Navy and the Carbon Trust were cited as partners, the Play Store listing was pulled, and the Lazarus Project donated servers.', expect: [] },
  { id: 'ja-gloss-negative', lang: 'ja', text: '研修では遊び（Play）の時間と王室（Royal）の行事について説明した。', expect: [] },
  { id: 'ja-gloss-kind-noun', lang: 'ja', text: 'マルウェア（Carbon）がTurlaにより使用された。', expect: ['malware|Carbon', 'intrusion-set|Turla'] },
  { id: 'ja-list-kind-noun', lang: 'ja', text: 'BlackCatやPlayといったランサムウェアが国内の製造業を狙った。', expect: ['malware|BlackCat', 'malware|Playcrypt'] },
  // Written before its rule, after the walk through a public report showed it
  // (`CVE-2014-4114 aka Sandworm`): a vulnerability's nickname is not the group or malware.
  { id: 'vulnerability-nickname', lang: 'en', text: 'The lure exploited CVE-2014-4114, also known as Sandworm, and a second Sandworm exploit document arrived in June.', expect: [] },
  { id: 'vulnerability-nickname-group-too', lang: 'en', text: 'Sandworm exploited a flaw in the HMI software; the Sandworm vulnerability of 2014 is unrelated.', expect: ['intrusion-set|Sandworm Team'] },
  { id: 'ja-vulnerability-nickname', lang: 'ja', text: 'Sandwormと呼ばれる脆弱性（CVE-2014-4114）を悪用した文書が送られた。', expect: [] },
  // Written before its rule: a name spelt in camel case is no English word as written, even
  // where its letters make one (`BloodHound`), so a sentence's start does not hide it.
  { id: 'camel-case-word', lang: 'en', text: 'Discovery: BloodHound mapped the domain trusts. The kennel kept a bloodhound named Rex.', expect: ['tool|BloodHound'] },
  { id: 'ja-camel-case-word', lang: 'ja', text: 'BloodHoundでドメインの信頼関係が調べられた。', expect: ['tool|BloodHound'] },
  // Written before their rules, after the fixture reports showed them: a page footer
  // (`Page 1` is an alias of Elise), a word before an all-capital one (`Net CLR`), and a
  // vulnerability "commonly called" by a group's name.
  { id: 'page-footer', lang: 'en', text: 'Example Labs Research Page 3 of 12\nThe loader beacons hourly to its server.\nExample Labs Research Page 4 of 12', expect: [] },
  { id: 'before-all-capitals', lang: 'en', text: 'Service names: Net CLR Optimization and Play HD Audio were both fake.', expect: [] },
  { id: 'vulnerability-called', lang: 'en', text: 'The documents exploit a vulnerability commonly called Sandworm, which only works on unpatched Office.', expect: [] },
  // Written before its rule: an antivirus detection name (`Backdoor:Win32/PlugX.gen!A`) names
  // the family, though its slash looks like a path's.
  { id: 'detection-names', lang: 'en', text: 'Defender flagged Backdoor:Win32/PlugX.gen!A and Trojan:Win64/Emotet.RPX!MTB on two hosts.', expect: ['malware|PlugX', 'malware|Emotet'] },
  { id: 'ja-detection-names', lang: 'ja', text: 'ＥＤＲの検知名「Backdoor:Win64/ShadowPad.B」が記録された。', expect: ['malware|ShadowPad'] },
  // Written before its rule, after the third batch's speaker lists: a person's name with a
  // title or a Japanese honorific is not the malware of the same name (Kevin, Denis, Page).
  { id: 'ja-honorific', lang: 'ja', text: '講演者：Kevin 氏、Page氏。司会は Denis さんが務めた。', expect: [] },
  { id: 'en-title-person', lang: 'en', text: 'The panel with Dr. Kevin Okafor and Ms. Page was moderated by Prof. Denis Laurent.', expect: [] },
  // Written before its rule: a person named without a title (`Elise Moreau`, `Milan Horvat`)
  // is a capitalised word and a surname that is no English word; a title-case run
  // (`Latrodectus Scheduled Task Creation`) and a headline (`Emotet Returns`) keep the name.
  { id: 'en-person-no-title', lang: 'en', text: 'Elise Moreau and Milan Horvat gave the closing talk on ransomware response; Kevin Brandt chaired it.', expect: [] },
  { id: 'en-headline-and-person', lang: 'en', text: 'Emotet Returns: the loader came back in March, and Elise Moreau tracked its new modules.', expect: ['malware|Emotet'] },
  { id: 'en-title-case-rule', lang: 'en', text: "The rule 'Latrodectus Scheduled Task Creation' fired on two hosts before the payload ran.", expect: ['malware|Latrodectus'] },
  { id: 'ja-person-no-title', lang: 'ja', text: '講演：Elise Moreau（CERT）、パネル司会：Milan Horvat。', expect: [] },
  // Written before its rule, after the Comment Crew report's list of lure subjects: a list
  // item opened by a symbol font's bullet (U+F0B7, as PDFs of Word documents extract it, or
  // ➢, ►, ✓) starts like a sentence, so its capital says nothing (`Agenda of the visit`).
  { id: 'symbol-bullets', lang: 'en', text: 'Lure subjects seen in the spear-phishing e-mails:\n  \uf0b7   Weekly Security Report\n  \uf0b7   Agenda of the Minister Visit in July\n  ➢ Play schedule for the summer\n  ► Royal visit itinerary', expect: [] },
  // Written before its rule, after the JPCERT deck's command table (`zlib圧縮`): software
  // written in lower case before the noun of a format or an algorithm is that library or
  // format (`zlib compression`, `zlib-compressed`), not the malware spelt `ZLib`.
  { id: 'library-format', lang: 'en', text: 'The config is zlib-compressed and base64-encoded; the zlib library is statically linked, and the upload uses zlib compression.', expect: [] },
  { id: 'ja-library-format', lang: 'ja', text: '0x8211 アップロード（zlib圧縮） 0x8232 通信間隔変更', expect: [] },
  { id: 'library-format-malware', lang: 'en', text: 'The ZLib backdoor beaconed every ten minutes; a second ZLib sample was found on the file server.', expect: ['malware|ZLib'] },
  // Written before its rule: in Japanese an English word joined to a katakana noun makes one
  // compound (`Expandボタン`, `Royalホテル`), not the name — unless that noun is the name's
  // kind (`Tickグループ`, `Playランサムウェア`, `Snakeルートキット`: Turla's Uroburos). Kanji after it may be a
  // relation (`Tor経由`) or a compound (`Tick値`): not read (the last stays listed).
  { id: 'ja-english-word-compound', lang: 'ja', text: '設定画面のExpandボタンで詳細を表示し、会場はRoyalホテルとした。', expect: [] },
  { id: 'ja-english-word-kind-compound', lang: 'ja', text: 'Tickグループが国内の製造業を狙い、別の事案ではPlayランサムウェアとSnakeルートキットが展開された。', expect: ['intrusion-set|BRONZE BUTLER', 'malware|Playcrypt', 'malware|Uroburos'] },
  // Written before its rule: a malware family is often written with its kind joined on
  // (`BazarLoader`, `BazarBackdoor` for ATT&CK's Bazar), as one camel-case word.
  { id: 'joined-kind-suffix', lang: 'en', text: 'The intrusion began with BazarLoader delivered by e-mail; two days later the operators switched to BazarBackdoor.', expect: ['malware|Bazar'] },
  { id: 'ja-joined-kind-suffix', lang: 'ja', text: '初期侵入にはBazarLoaderが使われ、その後Cobalt Strikeが展開された。', expect: ['malware|Bazar', 'malware|Cobalt Strike'] },
  { id: 'symbol-bullets-names', lang: 'en', text: 'Families seen this quarter:\n  \uf0b7   Emotet, delivered by OneNote lures\n  ➢ Royal ransomware against two hospitals', expect: ['malware|Emotet', 'malware|Royal'] },
];
