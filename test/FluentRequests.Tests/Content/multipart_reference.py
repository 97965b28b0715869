# Prints the multipart bodies Python Requests sends for each `files`/`data` form that
# MultipartWireTests.cs checks, with the boundary fixed, as C# expressions.
# Run: python3 multipart_reference.py   (requests 2.34.2, urllib3 2.7.0 produced the bytes in the tests)
import os, tempfile
import requests, urllib3.filepost

BOUNDARY = "0123456789abcdef0123456789abcdef"
urllib3.filepost.choose_boundary = lambda: BOUNDARY

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "report.csv")
with open(path, "wb") as f:
    f.write(b"a,b\n1,2\n")

def body(files, data=None):
    p = requests.Request("POST", "http://x/", files=files, data=data).prepare()
    assert p.headers["Content-Type"] == "multipart/form-data; boundary=" + BOUNDARY
    return p.body

cases = {
    "BytesAlone": lambda: body({"f": b"data"}),
    "StringAlone": lambda: body({"f": "d\u00e9j\u00e0"}),
    "FileStreamAlone": lambda: body({"f": open(path, "rb")}),
    "OtherStreamAlone": lambda: body({"f": __import__("io").BytesIO(b"data")}),
    "NamedBytes": lambda: body({"f": ("name.txt", b"data")}),
    "NamedStringWithType": lambda: body({"f": ("name.txt", "text", "text/plain")}),
    "WithHeaders": lambda: body({"f": ("name.txt", b"data", "text/plain", {"X-B": "2", "X-A": "1"})}),
    "HeadersWithoutType": lambda: body({"f": ("name.txt", b"data", None, {"Content-Type": "ignored", "Content-Disposition": "attachment", "X-Empty": "", "content-type": "kept"})}),
    "EmptyTypeDropped": lambda: body({"f": ("name.txt", b"data", "")}),
    "PlainField": lambda: body({"f": (None, "value")}),
    "PlainFieldWithType": lambda: body({"f": (None, b"{}", "application/json")}),
    "EmptyFileName": lambda: body({"f": ("", b"data")}),
    "Quoting": lambda: body({'a"b\r\nc\\d': ('x"y\r\nz\\.txt', b"q")}),
    "NonAscii": lambda: body({"na\u00efve": ("r\u00e9sum\u00e9 \u6587.txt", b"x")}),
    "DataFirst": lambda: body([("f", ("f.txt", b"file"))], data={"a": "1", "b": ["x", "y"], "c": None, "d": b"raw", "e": 1.5, "g": True, "h": [None, "z"], "\u00e9": "\u00e9"}),
    "BytesDataValue": lambda: body({"f": ("f.txt", b"x")}, data={"d": b"\xff\x00"}),
    "AnonymousData": lambda: body({"f": ("f.txt", b"x")}, data={"comment": "hi"}),
    "FilesInOrderRepeated": lambda: body([("f", ("a.txt", b"1")), ("g", ("b.txt", b"2")), ("f", ("c.txt", b"3"))]),
    "NoneSkipped": lambda: body([("a", None), ("b", ("b.txt", b"x")), ("c", ("c.txt", None))]),
    "AllNone": lambda: body({"a": None}),
}

def csharp(b):
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return 'Convert.FromHexString("' + b.hex().upper() + '")'
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n")
    return '"' + out + '"u8.ToArray()'

for name, make in cases.items():
    print(f"        [\"{name}\"] = {csharp(make())},")

for data in ("text", b"bytes"):
    try:
        body({"f": b"x"}, data=data)
    except ValueError as e:
        print("// data", repr(data), "->", e)
