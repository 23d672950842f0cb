/**
 * The predefined SCO extensions of STIX 2.1 §6 (file, network-traffic, process and
 * user-account extensions), keyed by their `*-ext` names.
 */
import {
  boolean, dictionary, embedded, enumeration, float, hashes, hex, integer, json, list, openVocab, ref, required, string,
  timestamp, type Prop,
} from './properties.ts';
import { enums, vocab } from './vocabularies.ts';
import { atLeastOne } from './define.ts';

const count = integer(0);

export const fileExtensions: Readonly<Record<string, Prop>> = {
  'archive-ext': embedded({ contains_refs: required(list(ref(['file', 'directory']))), comment: string() }),
  'ntfs-ext': embedded({
    sid: string(),
    alternate_data_streams: list(embedded({ name: required(string()), hashes: hashes(), size: count })),
  }),
  'pdf-ext': embedded({ version: string(), is_optimized: boolean(), document_info_dict: dictionary(string()), pdfid0: string(), pdfid1: string() }),
  'raster-image-ext': embedded({ image_height: count, image_width: count, bits_per_pixel: count, exif_tags: dictionary() }),
  'windows-pebinary-ext': embedded({
    pe_type: required(openVocab(vocab.windowsPebinaryType, 'windows-pebinary-type')),
    imphash: string(), machine_hex: hex(), number_of_sections: count, time_date_stamp: timestamp(),
    pointer_to_symbol_table_hex: hex(), number_of_symbols: count, size_of_optional_header: count,
    characteristics_hex: hex(), file_header_hashes: hashes(), optional_header: json(),
    sections: list(embedded({ name: required(string()), size: count, entropy: float(), hashes: hashes() })),
  }),
};

export const networkTrafficExtensions: Readonly<Record<string, Prop>> = {
  'http-request-ext': embedded({
    request_method: required(string()), request_value: required(string()), request_version: string(),
    request_header: dictionary(), message_body_length: count, message_body_data_ref: ref(['artifact']),
  }),
  'icmp-ext': embedded({ icmp_type_hex: required(hex()), icmp_code_hex: required(hex()) }),
  'socket-ext': embedded({
    address_family: required(enumeration(enums.networkSocketAddressFamily)), is_blocking: boolean(), is_listening: boolean(),
    options: dictionary(), socket_type: enumeration(enums.networkSocketType), socket_descriptor: count, socket_handle: integer(),
  }),
  'tcp-ext': embedded({ src_flags_hex: hex(), dst_flags_hex: hex() }, (o, path, issues) => atLeastOne(o, path, issues, ['src_flags_hex', 'dst_flags_hex'])),
};

export const processExtensions: Readonly<Record<string, Prop>> = {
  'windows-process-ext': embedded({
    aslr_enabled: boolean(), dep_enabled: boolean(), priority: string(), owner_sid: string(), window_title: string(),
    startup_info: dictionary(), integrity_level: enumeration(enums.windowsIntegrityLevel),
  }),
  'windows-service-ext': embedded({
    service_name: string(), descriptions: list(string()), display_name: string(), group_name: string(),
    start_type: enumeration(enums.windowsServiceStartType), service_dll_refs: list(ref(['file'])),
    service_type: enumeration(enums.windowsServiceType), service_status: enumeration(enums.windowsServiceStatus),
  }),
};

export const userAccountExtensions: Readonly<Record<string, Prop>> = {
  'unix-account-ext': embedded({ gid: integer(), groups: list(string()), home_dir: string(), shell: string() }),
};
