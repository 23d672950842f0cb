/** The help texts, one per command; printed by --help and, on a usage error, to stderr. */
export const toolUsage = `Usage: magpie <command> [options]

Magpie's command-line tool: extract indicators from threat reports and check STIX bundles,
offline, with the same readers and extraction engine as the app.

Commands:
  extract <file…|->       extract indicators from PDF, HTML, Markdown, text, CSV or .eml files,
                          or read a MISP event's
  validate <bundle.json>  check a STIX 2.1 bundle against the specification
  convert <bundle.json|-> convert a STIX bundle to CSV, a TXT blocklist, a MISP event, a
                          MISP feed folder or an object's ATT&CK Navigator layer
  connector list          list the import connectors
  connector run <id>      run one connector once and write what it imported as a STIX bundle
  backup verify <file>    check a knowledge-base backup archive without the app
  serve                   run Magpie without a window, with its local API on 127.0.0.1
  kb search|get|export|import
                          work with the knowledge base of a running Magpie (magpie serve)

Options:
  -h, --help              show this help (or a command's: magpie extract --help)
  -V, --version           print the version

Exit status: 0 success, 1 a file could not be read or a bundle is invalid, 2 usage error.
`;

export const extractUsage = `Usage: magpie extract <file…|-> [--format json|stix|csv|txt] [--entities <bundle.json>]

Reads each file (PDFs in a separate thread with time and memory limits) and prints the
indicators found: IPs, domains, URLs, e-mail addresses, hashes, CVE and ATT&CK ids…,
refanged, with flags for likely false positives. "-" reads plain text from stdin.
A MISP event ({"Event": …}, the bare event, {"response": [ … ]} or a list of events, from a
file or stdin) is converted as the app's import converts it, not mined as text: --format
stix gives its objects (MISP objects kept whole), the other formats list its values.

Options:
  -f, --format <format>   json (default): {"file", "format", "metadata", "indicators": […]} for one
                          file; {"results": [that, …]} for several. Each indicator has type,
                          value, flags and occurrences (page, offset, length, context).
                          stix: one STIX 2.1 bundle: observables, indicators with patterns,
                          based-on relationships, vulnerabilities, attack patterns, and a
                          report per file.
                          csv: type,value,flags,page,context[,file] (file with several inputs),
                          one row per occurrence, RFC 4180 quoting.
                          txt: each value once per line.
  -e, --entities <bundle> also find the names and aliases of the bundle's intrusion sets,
                          threat actors, malware, tools, campaigns, countries and sectors
                          (ATT&CK's enterprise-attack.json is the usual one; .gz too).
                          json: an "entities" list of {"type", "value" (as written), "id",
                          "name", "matched_names", "ticked", "reason", "occurrences"}.
                          stix: the ticked ones (a distinctive name, or an ambiguous one
                          seen twice) join the report's object_refs, copied from the bundle.
  -h, --help              show this help
`;

export const validateUsage = `Usage: magpie validate <bundle.json>

Checks a STIX 2.1 (or 2.0, upgraded) bundle: every object against the specification's
rules and the bundle's own structure. Prints one OK line and exits 0, or lists each
issue as "<JSON pointer>: <message>" and exits 1. Warnings are listed but do not fail.

Options:
  -h, --help              show this help
`;

export const convertUsage = `Usage: magpie convert <bundle.json|-> --to csv|txt|misp [options]
       magpie convert <bundle.json|-> --to misp-feed --out <folder> [options]
       magpie convert <bundle.json|-> --to navigator-layer --object <id> [--domain <domain>]

Converts a STIX 2.1 (or 2.0) bundle, a file or "-" for stdin, with the app's export code
and prints the result. Objects marked above --max-tlp are withheld (unmarked objects
count as TLP:CLEAR), with relationships pointing at them; stderr says how many.

Options:
  -t, --to <format>       csv: one row per object, every field quoted, hashes in MD5,
                          SHA-1, SHA-256 and SHA-512 columns (OpenCTI's conventions).
                          txt: a blocklist, one value per line (IPs, domains, URLs,
                          e-mail addresses, hashes) from observables and indicator patterns,
                          deduplicated and sorted.
                          misp: a MISP event (JSON) for MISP's "Add event from JSON".
                          misp-feed: a MISP feed folder for MISP's Sync → Feeds (a URL
                          or a local path): manifest.json, hashes.csv and one <uuid>.json
                          per report, plus one event for what no report holds.
                          navigator-layer: an ATT&CK Navigator layer (format 4.5) of the
                          techniques one object relates to, as the app's matrix exports it.
  -m, --max-tlp <level>   clear, green, amber, amber+strict or red (default: no limit)
      --separator <sep>   csv: ; (default) or ,
      --bom               csv: start with a UTF-8 byte order mark, for Excel
      --defang            txt: hxxp://, [.] and [@], so no line is clickable
      --kinds <list>      txt: only these kinds, comma-separated: ipv4, ipv6, domain,
                          url, email, md5, sha1, sha256, sha512
      --by-kind           txt: group values by kind, each under a "# kind" line
      --info <title>      misp: the event's title (default: the report's name when the
                          bundle holds one report, else "Magpie export");
                          misp-feed: the title of the event for what no report holds
      --uuid <uuid>       misp: the event's uuid, kept from one export to the next (default:
                          the report's when one report, else one derived from the ids)
  -o, --out <folder>      misp-feed: the folder to write (created when missing)
      --org <name>        misp-feed: the organisation the events name (default "Magpie")
      --object <id>       navigator-layer: the STIX id of the intrusion set, campaign,
                          software, report… whose techniques to write
      --domain <domain>   navigator-layer: enterprise-attack, mobile-attack or ics-attack
                          (default: the domain with most of its techniques)
      --include-revoked   csv, txt, misp: also export revoked indicators
      --include-expired   also export indicators whose valid_until has passed
      --include-warninglisted  also export values on a warninglist (public resolvers,
                          private ranges, CERTs' own domains…); by default all three
                          are left out and stderr says how many. convert reads no
                          knowledge base, so it uses the warninglists Magpie ships, all
                          on; lists turned off or added in the app's Settings apply to
                          the app's exports and the MISP feed of magpie serve
      --include-all       all three of the above
  -h, --help              show this help

Exit status: 0 success, 1 the bundle could not be read (or, for a layer, holds no such
object or matrix), 2 usage error.
`;

export const connectorUsage = `Usage: magpie connector <list|run> [options]

  list                    the connectors: id, kind, name and default schedule
  run <id> [options]      run one import connector once (see magpie connector run --help)

Options:
  -h, --help              show this help
`;

export const connectorRunUsage = `Usage: magpie connector run <id> [--set key=value …] [--cursor-file <file>] [--out <bundle.json>]

Runs one import connector once with the app's HTTP client (timeouts, retries, size limits,
the proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY or --proxy) and writes every object it
emitted as one STIX 2.1 bundle. Progress goes to stderr. Nothing is stored, except the
cursor when --cursor-file is given. Secrets given with --set stay in your shell history.

Options:
  -s, --set <key=value>   a setting (repeatable); numbers, true/false, comma-separated
                          lists and JSON objects are typed by the connector's schema
  -c, --cursor-file <f>   start from the cursor in <f> (if it exists) and write the new
                          cursor there after a successful run, for incremental imports
  -o, --out <file>        write the bundle to <file> instead of stdout
      --proxy <url>       an http(s) proxy, overriding the environment
  -q, --quiet             no progress on stderr
  -h, --help              show this help

Exit status: 0 success, 1 the run failed (the message says why), 2 usage error.
`;

export const backupUsage = `Usage: magpie backup verify <backup.zip>

Reads a backup written by Settings → Backup and checks all of it, as a restore does
before it changes anything: every entry listed in the manifest is there and complete,
its SHA-256 and record count match, and the archive is not from a newer Magpie.
Prints the counts and OK and exits 0, or the first problem and exits 1.

Options:
  -h, --help              show this help
`;

export const kbUsage = `Usage: magpie kb search <query…> [--limit N] [--type T]… [--format text|json]
       magpie kb get <id>
       magpie kb export [--query Q] [--limit N] [--max-tlp T] --out <file>
       magpie kb import <bundle.json…>
       magpie kb lookup <file…|-> [--format text|json|csv]

Work with the knowledge base of a running Magpie (start one with \`magpie serve\`) through
its local API on 127.0.0.1. The URL and token are read from the profile's api.json.

Options:
  -p, --profile <dir>     the profile Magpie serves (default: $MAGPIE_PROFILE, else ~/.magpie-harness)
  -n, --limit <n>         search: at most this many matches (default 50); export: objects the query brings (default 1000)
      --type <type>       search: only this STIX type (repeatable)
  -f, --format <format>   search: text (type, name, id per line; the default) or json;
                          lookup: text (known/warninglist/unknown, type, value, details per line), json or csv
  -q, --query <q>         export: what the search finds and what it needs to stand alone (default: everything)
  -m, --max-tlp <level>   export: withhold objects marked above clear, green, amber, amber+strict or red
  -o, --out <file>        export: where the STIX bundle goes

lookup finds the values in the files (any text: a ticket, an alert, a CSV; defanged values
are refanged) and says of each whether the knowledge base knows it — its object, sources,
reports, first and last seen, TLP, score, indicator state — or a warninglist holds it
(the app's warninglists in force: those turned off in Settings do not count, added ones do).
Only the values are sent to Magpie, never the file. A count per group goes to stderr.

Exit status: 0 success, 1 Magpie is not running, refused the request or a file failed, 2 usage error.
`;

export const serveUsage = `Usage: magpie serve [--profile DIR] [--port N]

Runs Magpie without a window, with its local API on 127.0.0.1, until Ctrl+C or SIGTERM.
It writes DIR/api.json (readable by you only) with the API's URL and a token; \`magpie kb …\`
reads it. In a source checkout this is the harness (run \`npm run build\` first); with the
desktop app installed, start it as: Magpie --headless --serve [--port N].

Options:
  -p, --profile <dir>     the profile to serve (default: $MAGPIE_PROFILE, else ~/.magpie-harness)
      --port <n>          the API's port (default: a free one; see api.json)
`;
