export { CEF_DEFAULT_SEVERITY, cefSeverity, escapeCefExtension, escapeCefHeader, formatCef, type CefOptions } from './cef.ts';
export { eventJson } from './json.ts';
export {
  escapeSdValue,
  formatSyslog,
  headerField,
  MAGPIE_SD_ID,
  structuredData,
  SYSLOG_FACILITIES,
  SYSLOG_HEADER_DEFAULTS,
  SYSLOG_SEVERITIES,
  syslogTimestamp,
  utf8Boundary,
  type SyslogFacility,
  type SyslogHeader,
  type SyslogMessage,
  type SyslogSeverity,
} from './syslog.ts';
