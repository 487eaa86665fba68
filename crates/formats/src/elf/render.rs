// SPDX-License-Identifier: MIT OR Apache-2.0
//! The report of `readelf -h -S -W`: the names readelf gives to the header's and sections'
//! values, and [`render`].

use core::fmt;

use super::{Class, Elf, Encoding, Header, EM_X86_64, SHN_XINDEX};

/// `readelf`'s name of an object file type (`e_type`).
pub fn file_type_name(t: u16) -> String {
    match t {
        0 => "NONE (None)".into(),
        1 => "REL (Relocatable file)".into(),
        2 => "EXEC (Executable file)".into(),
        3 => "DYN (Shared object or Position-Independent Executable file)".into(),
        4 => "CORE (Core file)".into(),
        _ => format!("<unknown>: {t:x}"),
    }
}

/// `readelf`'s name of a machine (`e_machine`), for the common ones.
pub fn machine_name(m: u16) -> Option<&'static str> {
    Some(match m {
        0 => "None",
        2 => "Sparc",
        3 => "Intel 80386",
        8 => "MIPS R3000",
        20 => "PowerPC",
        21 => "PowerPC64",
        22 => "IBM S/390",
        40 => "ARM",
        EM_X86_64 => "Advanced Micro Devices X86-64",
        183 => "AArch64",
        243 => "RISC-V",
        _ => return None,
    })
}

/// `readelf`'s name of an OS/ABI (`EI_OSABI`), for the common ones.
pub fn os_abi_name(a: u8) -> Option<&'static str> {
    Some(match a {
        0 => "UNIX - System V",
        3 => "UNIX - GNU",
        9 => "UNIX - FreeBSD",
        _ => return None,
    })
}

/// `readelf`'s name of a section type (`sh_type`) in a file for `e_machine`, for the common ones.
pub fn section_type_name(kind: u32, e_machine: u16) -> Option<&'static str> {
    Some(match kind {
        0x7000_0001 if e_machine == EM_X86_64 => "X86_64_UNWIND",
        0 => "NULL",
        1 => "PROGBITS",
        2 => "SYMTAB",
        3 => "STRTAB",
        4 => "RELA",
        5 => "HASH",
        6 => "DYNAMIC",
        7 => "NOTE",
        8 => "NOBITS",
        9 => "REL",
        10 => "SHLIB",
        11 => "DYNSYM",
        14 => "INIT_ARRAY",
        15 => "FINI_ARRAY",
        16 => "PREINIT_ARRAY",
        17 => "GROUP",
        19 => "RELR",
        0x6fff_fff5 => "GNU_ATTRIBUTES",
        0x6fff_fff6 => "GNU_HASH",
        0x6fff_fffd => "VERDEF",
        0x6fff_fffe => "VERNEED",
        0x6fff_ffff => "VERSYM",
        _ => return None,
    })
}

/// `readelf`'s key to a section's flags (`sh_flags`): one letter per bit, lowest bit first.
/// The meaning of the OS- and processor-specific bits depends on the header.
pub fn section_flags(flags: u64, h: &Header) -> String {
    const SHF_GNU_RETAIN: u64 = 0x0020_0000;
    const SHF_GNU_MBIND: u64 = 0x0100_0000;
    // ELFOSABI_NONE, ELFOSABI_GNU, ELFOSABI_FREEBSD.
    let gnu = matches!(h.os_abi, 3 | 9);
    let mbind = matches!(h.os_abi, 0 | 3 | 9);
    const SHF_MASKOS: u64 = 0x0ff0_0000;
    const SHF_MASKPROC: u64 = 0xf000_0000;
    let mut out = String::new();
    let mut rest = flags;
    while rest != 0 {
        let bit = rest & rest.wrapping_neg();
        rest &= !bit;
        out.push(match bit {
            0x1 => 'W',
            0x2 => 'A',
            0x4 => 'X',
            0x10 => 'M',
            0x20 => 'S',
            0x40 => 'I',
            0x80 => 'L',
            0x100 => 'O',
            0x200 => 'G',
            0x400 => 'T',
            0x800 => 'C',
            0x8000_0000 => 'E',
            0x1000_0000 if h.e_machine == EM_X86_64 => 'l',
            SHF_GNU_RETAIN if gnu => 'R',
            SHF_GNU_MBIND if mbind => 'D',
            _ if bit & SHF_MASKOS != 0 => {
                rest &= !SHF_MASKOS;
                'o'
            }
            _ if bit & SHF_MASKPROC != 0 => {
                rest &= !SHF_MASKPROC;
                'p'
            }
            _ => 'x',
        });
    }
    out
}

/// A section name as readelf prints it: a control character as `^` and the character 0x40
/// above it (`^J` for a line feed), so that no name breaks the report's lines.
fn printable(name: &[u8]) -> String {
    let mut out = String::new();
    for c in String::from_utf8_lossy(name).chars() {
        match u8::try_from(c) {
            Ok(b) if b < 0x20 => {
                out.push('^');
                out.push(char::from(b + 0x40));
            }
            _ => out.push(c),
        }
    }
    out
}

/// The report of `readelf -h -S -W` for `elf`: the same lines, with fewer names known.
pub fn render(elf: &Elf<'_>) -> String {
    use fmt::Write as _;
    let h = &elf.header;
    let mut out = String::new();
    let class = match h.class {
        Class::Elf32 => "ELF32",
        Class::Elf64 => "ELF64",
    };
    let data = match h.data {
        Encoding::Little => "2's complement, little endian",
        Encoding::Big => "2's complement, big endian",
    };
    let version = match h.ident[6] {
        1 => "1 (current)".to_string(),
        v => format!("{v}"),
    };
    let os_abi =
        os_abi_name(h.os_abi).map_or_else(|| format!("<unknown: {:x}>", h.os_abi), String::from);
    let machine = machine_name(h.e_machine)
        .map_or_else(|| format!("<unknown>: {:#x}", h.e_machine), String::from);
    let shnum = match (h.e_shnum, elf.sections.len()) {
        (0, n) if n > 0 => format!("0 ({n})"),
        (n, _) => n.to_string(),
    };
    let shstrndx = match h.e_shstrndx {
        SHN_XINDEX => format!("65535 ({})", elf.shstrndx),
        n => n.to_string(),
    };
    let rows: [(&str, String); 18] = [
        ("Class", class.into()),
        ("Data", data.into()),
        ("Version", version),
        ("OS/ABI", os_abi),
        ("ABI Version", h.abi_version.to_string()),
        ("Type", file_type_name(h.e_type)),
        ("Machine", machine),
        ("Version", format!("{:#x}", h.e_version)),
        ("Entry point address", format!("{:#x}", h.e_entry)),
        (
            "Start of program headers",
            format!("{} (bytes into file)", h.e_phoff),
        ),
        (
            "Start of section headers",
            format!("{} (bytes into file)", h.e_shoff),
        ),
        ("Flags", format!("{:#x}", h.e_flags)),
        ("Size of this header", format!("{} (bytes)", h.e_ehsize)),
        (
            "Size of program headers",
            format!("{} (bytes)", h.e_phentsize),
        ),
        ("Number of program headers", h.e_phnum.to_string()),
        (
            "Size of section headers",
            format!("{} (bytes)", h.e_shentsize),
        ),
        ("Number of section headers", shnum),
        ("Section header string table index", shstrndx),
    ];
    let _ = writeln!(out, "ELF Header:");
    let _ = write!(out, "  Magic:   ");
    for b in h.ident {
        let _ = write!(out, "{b:02x} ");
    }
    let _ = writeln!(out);
    for (k, v) in rows {
        let _ = writeln!(out, "  {:<35}{v}", format!("{k}:"));
    }
    let _ = writeln!(out);
    if elf.sections.is_empty() {
        let _ = writeln!(out, "There are no sections in this file.");
        return out;
    }
    let _ = writeln!(out, "Section Headers:");
    let addr_width = match h.class {
        Class::Elf32 => 8,
        Class::Elf64 => 16,
    };
    let _ = writeln!(
        out,
        "  [Nr] Name              Type            {:<addr_width$} Off    Size   ES Flg Lk Inf Al",
        if addr_width == 8 { "Addr" } else { "Address" },
    );
    for (i, s) in elf.sections.iter().enumerate() {
        let name = match s.name {
            Some(n) => printable(n),
            None => "<corrupt>".to_string(),
        };
        let kind = section_type_name(s.sh_type, h.e_machine)
            .map_or_else(|| format!("{:#x}", s.sh_type), String::from);
        let _ = writeln!(
            out,
            "  [{i:>2}] {name:<17} {kind:<15} {:0addr_width$x} {:06x} {:06x} {:02x} {:>3} {:>2} {:>3} {:>2}",
            s.sh_addr,
            s.sh_offset,
            s.sh_size,
            s.sh_entsize,
            section_flags(s.sh_flags, h),
            s.sh_link,
            s.sh_info,
            s.sh_addralign,
        );
    }
    out
}
