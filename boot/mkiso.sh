#!/bin/sh
# Build a GRUB ISO for the x86 ports that boots by BIOS and, when Debian's
# grub-efi-amd64-bin is installed, by UEFI too (one ISO, both El Torito
# entries: grub-mkrescue makes a hybrid image of every GRUB platform there is):
#   mkiso.sh OUTPUT.iso KERNEL.elf ROOTTASK.elf [GRUB.cfg]
# The ISO holds /boot/keel.elf, /boot/roottask.elf and boot/grub/grub.cfg:
# GRUB.cfg, by default grub.cfg beside this script (multiboot2, x86_64;
# grub-multiboot.cfg boots by multiboot v1, ia32, by BIOS). Fails loudly on
# any error; quiet on success.
set -eu

if [ $# -ne 3 ] && [ $# -ne 4 ]; then
    echo "usage: $0 OUTPUT.iso KERNEL.elf ROOTTASK.elf [GRUB.cfg]" >&2
    exit 2
fi
out=$1
kernel=$2
roottask=$3
here=$(cd "$(dirname "$0")" && pwd)
cfg=${4:-$here/grub.cfg}
grubdir=/usr/lib/grub/i386-pc

for f in "$kernel" "$roottask" "$cfg"; do
    [ -f "$f" ] || { echo "mkiso.sh: missing $f" >&2; exit 1; }
done
[ -d "$grubdir" ] || { echo "mkiso.sh: $grubdir not found (install grub-pc-bin)" >&2; exit 1; }
command -v grub-mkrescue >/dev/null || { echo "mkiso.sh: grub-mkrescue not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/keel-iso.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/iso/boot/grub"
cp "$kernel" "$tmp/iso/boot/keel.elf"
cp "$roottask" "$tmp/iso/boot/roottask.elf"
cp "$cfg" "$tmp/iso/boot/grub/grub.cfg"

platforms="-d $grubdir"                 # BIOS only
[ -d /usr/lib/grub/x86_64-efi ] && platforms=""     # BIOS + UEFI
# shellcheck disable=SC2086
if ! grub-mkrescue $platforms -o "$tmp/out.iso" "$tmp/iso" >"$tmp/log" 2>&1; then
    echo "mkiso.sh: grub-mkrescue failed:" >&2
    cat "$tmp/log" >&2
    exit 1
fi
mv -f "$tmp/out.iso" "$out"
