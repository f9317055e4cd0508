#!/usr/bin/env python3
"""Prints the classes of a Hadoop distribution that its class-data sharing archive must
leave out, one internal name (org/apache/xerces/parsers/XML11Configuration) per line.

    scripts/lib/cds-exclude.py DIST/share/hadoop > DIST/share/hind/cds-exclude

Why: the offline image maps its archive at the address it was dumped for
(-XX:ArchiveRelocationMode=0), so its pages stay clean and shared between every JVM of
the host instead of being patched, privately, by each one (about 19 MiB per daemon).
JDK 17 verifies and rewrites class files older than Java 6 (major version < 50) only at
run time, and rewriting a method with a jsr instruction writes into the archive's
read-only region: the JVM dies with SIGSEGV (JDK-8302795, fixed in JDK 21 by keeping
such classes out of the archive). This does the same on the image's side: every such
class, and every class that extends or implements one (the dump would archive the
parent with its child), is left to load from its jar.

Reads the jars with the standard library only: the constant pool, the class's parent
names and its methods' bytecode.
"""

import struct
import sys
import zipfile
from pathlib import Path

JSR, JSR_W = 0xA8, 0xC9
TABLESWITCH, LOOKUPSWITCH, WIDE, IINC = 0xAA, 0xAB, 0xC4, 0x84


def operand_lengths():
    """Operand bytes after each fixed-length opcode (JVMS chapter 6)."""
    lengths = [0] * 256
    for op in [0x10, 0x12, *range(0x15, 0x1A), *range(0x36, 0x3B), 0xA9, 0xBC]:
        lengths[op] = 1  # bipush, ldc, loads, stores, ret, newarray
    for op in [0x11, 0x13, 0x14, IINC, *range(0x99, 0xA9), *range(0xB2, 0xB9),
               0xBB, 0xBD, 0xC0, 0xC1, 0xC6, 0xC7]:
        lengths[op] = 2  # sipush, ldc_w, ldc2_w, iinc, branches, field/method refs ...
    lengths[0xC5] = 3  # multianewarray
    for op in [0xB9, 0xBA, JSR_W, 0xC8]:
        lengths[op] = 4  # invokeinterface, invokedynamic, jsr_w, goto_w
    return lengths


OPERANDS = operand_lengths()


class ClassFile:
    """The parts of a class file this needs: version, names of its parents, whether a
    method calls a subroutine (jsr)."""

    def __init__(self, data):
        self.data = data
        self.major = struct.unpack_from(">H", data, 6)[0]
        self.pos = 8
        self.utf8, class_refs = {}, {}
        count = self.u2()
        index = 1
        while index < count:
            tag = data[self.pos]
            self.pos += 1
            if tag == 1:  # Utf8
                length = self.u2()
                self.utf8[index] = data[self.pos:self.pos + length]
                self.pos += length
            elif tag == 7:  # Class
                class_refs[index] = self.u2()
            elif tag in (5, 6):  # Long, Double take two slots
                self.pos += 8
                index += 1
            elif tag in (8, 16, 19, 20):  # String, MethodType, Module, Package
                self.pos += 2
            elif tag == 15:  # MethodHandle
                self.pos += 3
            elif tag in (3, 4, 9, 10, 11, 12, 17, 18):
                self.pos += 4
            else:
                raise ValueError(f"constant pool tag {tag}")
            index += 1

        def class_name(ref):
            return self.utf8[class_refs[ref]].decode("utf-8", "replace") if ref else None

        self.pos += 2  # access flags
        self.name = class_name(self.u2())
        parents = [class_name(self.u2())]
        parents += [class_name(self.u2()) for _ in range(self.u2())]
        self.parents = [name for name in parents if name]
        self.skip_members()  # fields
        self.calls_subroutine = self.skip_members(scan_code=True)

    def u2(self):
        value = struct.unpack_from(">H", self.data, self.pos)[0]
        self.pos += 2
        return value

    def skip_members(self, scan_code=False):
        """Skips the fields or methods; with scan_code, whether any Code has a jsr."""
        found = False
        for _ in range(self.u2()):
            self.pos += 6
            for _ in range(self.u2()):
                name = self.utf8.get(self.u2())
                length = struct.unpack_from(">I", self.data, self.pos)[0]
                self.pos += 4
                if scan_code and name == b"Code" and not found:
                    code_length = struct.unpack_from(">I", self.data, self.pos + 4)[0]
                    found = has_jsr(self.data[self.pos + 8:self.pos + 8 + code_length])
                self.pos += length
        return found


def has_jsr(code):
    pc = 0
    while pc < len(code):
        op = code[pc]
        if op in (JSR, JSR_W):
            return True
        if op == TABLESWITCH:
            aligned = (pc + 4) & ~3
            low, high = struct.unpack_from(">ii", code, aligned + 4)
            pc = aligned + 12 + 4 * (high - low + 1)
        elif op == LOOKUPSWITCH:
            aligned = (pc + 4) & ~3
            pairs = struct.unpack_from(">i", code, aligned + 4)[0]
            pc = aligned + 8 + 8 * pairs
        elif op == WIDE:
            pc += 6 if code[pc + 1] == IINC else 4
        else:
            pc += 1 + OPERANDS[op]
    return False


def main(root):
    classes = {}
    for jar in sorted(Path(root).rglob("*.jar")):
        with zipfile.ZipFile(jar) as archive:
            for entry in archive.namelist():
                if entry.endswith(".class") and not entry.startswith("META-INF/"):
                    # A class in two jars (rare) is judged by the first found.
                    if entry[:-6] not in classes:
                        classes[entry[:-6]] = ClassFile(archive.read(entry))

    excluded = {}

    def is_excluded(name):
        if name not in excluded:
            excluded[name] = False  # a cycle cannot happen; this just ends a bad one
            info = classes.get(name)
            if info is not None:
                excluded[name] = (info.major < 50 and info.calls_subroutine) or any(
                    is_excluded(parent) for parent in info.parents)
        return excluded[name]

    for name in sorted(classes):
        if is_excluded(name):
            print(name)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: cds-exclude.py DIST/share/hadoop")
    main(sys.argv[1])
