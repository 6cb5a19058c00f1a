#!/usr/bin/env python3
"""Generate Keel's invocation interface from interface/keel.api.

usage: gen_interface.py DESC SEL4_ARCH OUTDIR        headers for one target
       gen_interface.py DESC --docs OUTFILE          docs for every target

Per target (SEL4_ARCH: riscv64 x86_64 aarch64 ia32 aarch32; 'riscv' is
accepted for riscv64) it writes into OUTDIR:
  invocation.h      the label enumerations, numbered as seL4 numbers them
  sel4_client.h     the libsel4 stubs (libsel4's names and prototypes)
  keel_inv_table.h  the kernel's table: per label, the operation the core
                    decodes, the message words and the extra caps it needs
The files are generated at build time and never edited by hand.
"""
import os
import sys

# seL4 arch -> (seL4 arch, arch, word bits, configs on)
TARGETS = {
    'riscv64': ('riscv64', 'riscv', 64, set()),
    'x86_64': ('x86_64', 'x86', 64, set()),
    'aarch64': ('aarch64', 'arm', 64, set()),
    'ia32': ('ia32', 'x86', 32, {'CONFIG_ARCH_IA32'}),
    'aarch32': ('aarch32', 'arm', 32, {'CONFIG_ARCH_AARCH32'}),
}
ALIASES = {'riscv': 'riscv64'}


class Type:
    def __init__(self, name, bits, kind):
        self.name, self.bits, self.kind = name, bits, kind   # bits: int or 'word'


class Method:
    def __init__(self, iface, label, name, attrs):
        self.iface, self.label, self.name = iface, label, name
        self.op = attrs.get('op')
        self.cond = attrs.get('if')
        self.nostub = 'nostub' in attrs
        self.params = []        # (dir, type name, name)


class Section:
    def __init__(self, kind, arch):
        self.kind, self.arch = kind, arch
        self.types = {}
        self.methods = []
        self.ifaces = []


def parse(path):
    sections, types, cur, iface = [], {}, None, None
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            words = raw.split('#', 1)[0].split()
            if not words:
                continue
            key, rest = words[0], words[1:]
            if key == 'type':
                kind = rest[2] if len(rest) > 2 else 'value'
                bits = rest[1] if rest[1] == 'word' else int(rest[1])
                t = Type(rest[0], bits, kind)
                (cur.types if cur else types)[t.name] = t
            elif key == 'section':
                cur = Section(rest[0], rest[1] if len(rest) > 1 else None)
                sections.append(cur)
            elif key == 'interface':
                iface = rest[0]
                if iface not in cur.ifaces:
                    cur.ifaces.append(iface)
            elif key == 'method':
                attrs = dict(a.split('=', 1) if '=' in a else (a, True) for a in rest[2:])
                cur.methods.append(Method(iface, rest[0], rest[1], attrs))
            elif key in ('in', 'out'):
                cur.methods[-1].params.append((key, rest[0], rest[1]))
            else:
                sys.exit('%s:%d: unknown item %s' % (path, lineno, key))
    return types, sections


class Target:
    """The description as one target sees it: its three label sets."""

    def __init__(self, desc, sel4_arch):
        types, sections = parse(desc)
        self.sel4_arch, self.arch, self.word, self.configs = TARGETS[sel4_arch]
        self.types = dict(types)
        pick = lambda kind, arch: [s for s in sections if s.kind == kind and s.arch == arch]
        self.core = pick('core', None)
        self.mode = pick('sel4_arch', self.sel4_arch)
        self.archs = pick('arch', self.arch)
        for s in self.core + self.mode + self.archs:
            self.types.update(s.types)

    def live(self, sections):
        return [m for s in sections for m in s.methods if not m.cond or m.cond in self.configs]

    def labels(self):
        """[(number, method)] in seL4's order."""
        out, n = [], 1
        for group in (self.core, self.mode, self.archs):
            for m in self.live(group):
                out.append((n, m))
                n += 1
        return out

    def counts(self):
        core = 1 + len(self.live(self.core))
        mode = core + len(self.live(self.mode))
        return core, mode, mode + len(self.live(self.archs))

    def arch_cap_types(self):
        names = []
        for s in self.mode + self.archs:
            names += [t.name for t in s.types.values() if t.kind == 'cap'] + s.ifaces
        return [n for n in dict.fromkeys(names) if n not in ('seL4_IRQControl',)]

    def bits(self, tname):
        b = self.types[tname].bits
        return self.word if b == 'word' else b

    def layout(self, params):
        """Packed positions of the non-capability value parameters:
        [(name, type, bit offset, bits)], struct params apart."""
        pos, out = 0, []
        for _, tname, name in params:
            t = self.types[tname]
            if t.kind != 'value':
                continue
            size = self.bits(tname)
            align = min(size, self.word)
            pos = (pos + align - 1) // align * align
            out.append((name, tname, pos, size))
            pos += size
        return out, (pos + self.word - 1) // self.word

    def shape(self, m):
        ins = [p for p in m.params if p[0] == 'in']
        outs = [p for p in m.params if p[0] == 'out']
        caps = [p for p in ins if self.types[p[1]].kind == 'cap']
        structs_in = [p for p in ins if self.types[p[1]].kind == 'struct']
        structs_out = [p for p in outs if self.types[p[1]].kind == 'struct']
        values_out = [p for p in outs if self.types[p[1]].kind == 'value']
        return ins, caps, structs_in, structs_out, values_out


def mask(bits, word):
    return None if bits >= word else '0x%xul' % ((1 << bits) - 1)


def value_expr(t, name, tname):
    return name + '.words[0]' if tname == 'seL4_CapRights_t' else name


def gen_labels(t):
    core, mode, _ = t.counts()
    lines = ['/* Generated by interface/gen_interface.py from interface/keel.api for %s:'
             % t.sel4_arch, ' * do not edit. Invocation labels, numbered as seL4 numbers them. */',
             '#pragma once', '']
    groups = [('invocation_label', t.live(t.core), 'nInvocationLabels', 'InvalidInvocation = 0'),
              ('sel4_arch_invocation_label', t.live(t.mode), 'nSeL4ArchInvocationLabels', None),
              ('arch_invocation_label', t.live(t.archs), 'nArchInvocationLabels', None)]
    start = {'sel4_arch_invocation_label': 'nInvocationLabels',
             'arch_invocation_label': 'nSeL4ArchInvocationLabels'}
    for enum, methods, count, first in groups:
        lines.append('enum %s {' % enum)
        if first:
            lines.append('    %s,' % first)
        for i, m in enumerate(methods):
            init = ' = ' + start[enum] if i == 0 and enum in start else ''
            lines.append('    %s%s,' % (m.label, init))
        if not methods and enum in start:
            lines.append('    %s = %s,' % (count, start[enum]))
        else:
            lines.append('    %s,' % count)
        lines += ['};', '']
    lines.append('#define KEEL_INTERFACE_SEL4_ARCH "%s"' % t.sel4_arch)
    return '\n'.join(lines) + '\n'


def gen_stub(t, m):
    ins, caps, structs_in, structs_out, values_out = t.shape(m)
    fname = 'seL4_%s_%s' % (m.iface[len('seL4_'):], m.name)
    args = ['%s _service' % m.iface]
    for d, tname, name in m.params:
        kind = t.types[tname].kind
        if kind == 'struct':
            args.append('%s%s *%s' % ('const ' if False else '', tname, name))
        elif d == 'in':
            args.append('%s %s' % (tname, name))
    ret = fname + '_t' if values_out else 'seL4_Error'
    out = []
    if values_out:
        out.append('typedef struct %s {' % fname)
        out.append('    int error;')
        out += ['    %s %s;' % (tname, name) for _, tname, name in values_out]
        out.append('} %s_t;' % fname)
        out.append('')
    out.append('LIBSEL4_INLINE %s %s(%s)' % (ret, fname, ', '.join(args)))
    out.append('{')
    for i, (_, _, name) in enumerate(caps):
        out.append('    seL4_SetCap(%d, %s);' % (i, name))
    layout, nwords = t.layout(ins)
    words = [[] for _ in range(nwords)]
    for name, tname, pos, size in layout:
        e = '(seL4_Word)' + value_expr(t, name, tname)
        mk = mask(size, t.word)
        if mk:
            e = '(%s & %s)' % (e, mk)
        if pos % t.word:
            e = '(%s << %d)' % (e, pos % t.word)
        words[pos // t.word].append(e)
    for i, parts in enumerate(words):
        out.append('    seL4_SetMR(%d, %s);' % (i, ' | '.join(parts) if parts else '0'))
    length = str(nwords)
    for _, tname, name in structs_in:
        n = 'sizeof(*%s) / sizeof(seL4_Word)' % name
        out.append('    for (seL4_Word i = 0; i < %s; i++)' % n)
        out.append('        seL4_SetMR((int)(%d + i), ((const seL4_Word *)%s)[i]);' % (nwords, name))
        length = '%d + %s' % (nwords, n)
    call = 'keel_invoke(_service, %s, %d, %s)' % (m.label, len(caps), length)
    if values_out:
        out.append('    %s_t result;' % fname)
        out.append('    result.error = (int)%s;' % call)
        olayout, _ = t.layout(values_out)
        for name, tname, pos, size in olayout:
            e = 'seL4_GetMR(%d)' % (pos // t.word)
            if pos % t.word:
                e = '(%s >> %d)' % (e, pos % t.word)
            out.append('    result.%s = result.error == seL4_NoError ? (%s)%s : 0;' % (name, tname, e))
        out.append('    return result;')
    elif structs_out:
        out.append('    seL4_Error error = %s;' % call)
        for _, tname, name in structs_out:
            out.append('    for (seL4_Word i = 0; error == seL4_NoError && i < sizeof(*%s) / sizeof(seL4_Word); i++)'
                       % name)
            out.append('        ((seL4_Word *)%s)[i] = seL4_GetMR((int)i);' % name)
        out.append('    return error;')
    else:
        out.append('    return %s;' % call)
    out.append('}')
    return '\n'.join(out)


def gen_client(t):
    lines = ['/* Generated by interface/gen_interface.py from interface/keel.api for %s:'
             % t.sel4_arch,
             ' * do not edit. libsel4\'s object invocation stubs: the arguments go into',
             ' * message registers packed as libsel4 packs them, capability arguments',
             ' * become extra caps, and the reply label is the result (an seL4_Error). */',
             '#pragma once', '',
             '#include <sel4/types.h>', '#include <sel4/shared_types.h>', '#include <sel4/functions.h>',
             '#include <sel4/syscalls.h>', '#include <sel4/invocation.h>',
             '#include <sel4/arch/constants.h>', '']
    for name in t.arch_cap_types():
        lines.append('typedef seL4_CPtr %s;' % name)
    lines += ['',
              '/* Send the prepared message (MRs and extra caps set) to service; the',
              ' * reply\'s label is the result. */',
              'LIBSEL4_INLINE seL4_Error keel_invoke(seL4_CPtr service, seL4_Word label, seL4_Word extra_caps,',
              '                                      seL4_Word length)',
              '{',
              '    seL4_MessageInfo_t tag = seL4_MessageInfo_new(label, 0, extra_caps, length);',
              '    return (seL4_Error)seL4_MessageInfo_get_label(seL4_Call(service, tag));',
              '}', '']
    for _, m in t.labels():
        if not m.nostub:
            lines += [gen_stub(t, m), '']
    lines += ['/* Keel extension: the label of each operation the core implements once',
              ' * for every port (the last one in seL4\'s order where several share it),',
              ' * for programs that send these invocations by hand. */']
    ops = {}
    for _, m in t.labels():
        if m.op:
            ops[m.op] = m.label
    lines += ['#define KEEL_LABEL_%s %s' % (op.upper(), label) for op, label in ops.items()]
    return '\n'.join(lines) + '\n'


def gen_table(t):
    ops = []
    for s in t.core + t.mode + t.archs:
        for m in s.methods:
            if m.op and m.op not in ops:    # one section may name an op twice (x86's tables on ia32)
                ops.append(m.op)
    lines = ['/* Generated by interface/gen_interface.py from interface/keel.api for %s:'
             % t.sel4_arch,
             ' * do not edit. For every label: the operation the core decodes (for the',
             ' * per-arch labels of the shared VM code), the message words and the extra',
             ' * capabilities its decoder needs (fewer: seL4_TruncatedMessage). */',
             '#pragma once', '', '#include <sel4/invocation.h>', '',
             'enum keel_inv_op {', '    KEEL_OP_NONE = 0,']
    lines += ['    KEEL_OP_%s,' % op.upper() for op in ops]
    lines += ['};', '', 'struct keel_inv_args {',
              '    unsigned char op;           /* enum keel_inv_op */',
              '    unsigned char length;       /* message words */',
              '    unsigned char extra_caps;', '};', '',
              'static const struct keel_inv_args keel_inv_args_table[nArchInvocationLabels] = {']
    for _, m in t.labels():
        ins, caps, _, _, _ = t.shape(m)
        _, nwords = t.layout(ins)
        op = 'KEEL_OP_' + m.op.upper() if m.op else 'KEEL_OP_NONE'
        lines.append('    [%s] = { %s, %d, %d },' % (m.label, op, nwords, len(caps)))
    lines.append('};')
    return '\n'.join(lines) + '\n'


def gen_docs(desc):
    out = ['# Invocation labels per architecture', '',
           'Generated by `interface/gen_interface.py --docs` from `interface/keel.api`:',
           'do not edit (the build checks that this file is current: test `interface-docs`).',
           'Numbers as seL4 736bfd6a numbers them in a non-MCS, uniprocessor build without',
           'hardware debug, virtualisation or IOMMU support. MRs: message words the',
           'decoder needs (packed as libsel4 packs them); caps: extra capabilities.', '']
    for arch in TARGETS:
        t = Target(desc, arch)
        core, mode, total = t.counts()
        out += ['## %s' % arch, '',
                'nInvocationLabels %d, nSeL4ArchInvocationLabels %d, nArchInvocationLabels %d.'
                % (core, mode, total), '',
                '| label | name | libsel4 function | MRs | caps |', '|---|---|---|---|---|']
        for n, m in t.labels():
            ins, caps, _, _, _ = t.shape(m)
            _, nwords = t.layout(ins)
            fn = 'seL4_%s_%s' % (m.iface[len('seL4_'):], m.name)
            out.append('| %d | %s | `%s` | %d | %d |' % (n, m.label, fn, nwords, len(caps)))
        out.append('')
    return '\n'.join(out)


def write(path, text):
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, 'w') as f:
            f.write(text)


def main(argv):
    if len(argv) == 4 and argv[2] == '--docs':
        write(argv[3], gen_docs(argv[1]))
        return
    if len(argv) != 4:
        sys.exit(__doc__)
    t = Target(argv[1], ALIASES.get(argv[2], argv[2]))
    write(os.path.join(argv[3], 'invocation.h'), gen_labels(t))
    write(os.path.join(argv[3], 'sel4_client.h'), gen_client(t))
    write(os.path.join(argv[3], 'keel_inv_table.h'), gen_table(t))


if __name__ == '__main__':
    main(sys.argv)
