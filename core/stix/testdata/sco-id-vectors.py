# Independent test vectors for deterministic SCO ids (STIX 2.1 §2.9), computed with
# Python's standard library only (json + uuid), not with Magpie's code. Each input holds
# only ID-contributing properties with string/integer values and ASCII keys, for which
# json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False) is RFC 8785 JCS.
# Regenerate: python3 sco-id-vectors.py > sco-id-vectors.json
import json, uuid
NS = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")
def jcs(o): return json.dumps(o, sort_keys=True, separators=(',',':'), ensure_ascii=False)
cases = [
 ("ipv4-addr", {"value":"198.51.100.3"}),
 ("domain-name", {"value":"example.com"}),
 ("email-addr", {"value":"john@example.com"}),
 ("url", {"value":"https://example.com/research/index.html"}),
 ("mac-addr", {"value":"d2:fb:49:24:37:18"}),
 ("autonomous-system", {"number":15139}),
 ("ipv6-addr", {"value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}),
 ("mutex", {"name":"__CLEANSWEEP__"}),
 ("software", {"name":"Word","cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","version":"2002","vendor":"Microsoft"}),
 ("directory", {"path":"C:\\Windows\\System32"}),
 ("user-account", {"account_type":"unix","user_id":"1001","account_login":"jdoe"}),
 ("windows-registry-key", {"key":"hkey_local_machine\\system\\bar\\foo"}),
 ("windows-registry-key", {"values":[{"name":"Foo","data":"qwerty"},{"name":"Bar","data":"42"}]}),
 ("x509-certificate", {"serial_number":"36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06"}),
 ("x509-certificate", {"hashes":{"SHA-256":"7f54ee1d6f4a2e6eb1bc5ef1ee2f6e2f0d61a1f4f8ab5c6c9a8e1d2b3c4d5e6f"}}),
 ("file", {"hashes":{"SHA-256":"fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"}}),
 ("file", {"hashes":{"MD5":"3773a88f65a5e780c8dff9cdc3a056f3"},"name":"foo.exe"}),
 ("file", {"name":"quarterly_report.pdf"}),
 ("artifact", {"hashes":{"SHA-256":"6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"}}),
 ("artifact", {"payload_bin":"VBORw0KGgoAAAANSUhEUgAAADI=="}),
 ("email-message", {"from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","subject":"Saying Hello"}),
 ("email-message", {"subject":"It's \"quoted\" \\ back","body":"Héllo wörld 日本"}),
 ("network-traffic", {"src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53","dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","protocols":["ipv4","tcp"],"src_port":223,"dst_port":443}),
 ("network-traffic", {"start":"2016-01-01T00:00:00.000Z","protocols":["tcp"],"dst_port":80,"extensions":{"http-request-ext":{"request_method":"get","request_value":"/download.html"}}}),
]
out = [{"type": t, "properties": p, "id": f"{t}--{uuid.uuid5(NS, jcs(p))}"} for t, p in cases]
print(json.dumps(out, ensure_ascii=False, indent=1))
