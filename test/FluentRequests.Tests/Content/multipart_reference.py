# Prints the multipart bodies Python Requests sends for each `files`/`data` form that
# MultipartWireTests.cs checks, with the boundary fixed, as C# expressions.
# Run: python3 multipart_reference.py   (requests 2.34.2, urllib3 2.7.0 produced the bytes in the tests)
import os, re, tempfile
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

INDENT = " " * 12


def literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n") + '"'


def csharp(b):
    # One wire line per source line (a header block keeps its blank line), so no line passes 160 columns.
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        h = b.hex().upper()
        chunks = [h[i:i + 128] for i in range(0, len(h), 128)]
        return "Convert.FromHexString(\n" + INDENT + ("\n" + INDENT + "+ ").join('"' + c + '"' for c in chunks) + ")"
    lines = re.findall(r".*?\r\n|.+", s, re.S)
    joined = []
    for line in lines:
        if line == "\r\n" and joined:
            joined[-1] += line
        else:
            joined.append(line)
    if len(joined) == 1:
        return literal(joined[0]) + "u8.ToArray()"
    return "(\n" + INDENT + ("\n" + INDENT + "+ ").join(literal(l) + "u8" for l in joined) + ").ToArray()"


for name, make in cases.items():
    print(f"        [\"{name}\"] = {csharp(make())},")

for data in ("text", b"bytes"):
    try:
        body({"f": b"x"}, data=data)
    except ValueError as e:
        print("// data", repr(data), "->", e)
