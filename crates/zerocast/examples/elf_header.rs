//! Prints the ELF header and the section table of a file (default: `/bin/ls`), parsed in place
//! with zerocast: no `unsafe`, no hand-written offsets, and a typed error naming the field and
//! byte offset when the file is malformed.
//!
//! ```text
//! cargo run --example elf_header -- /bin/ls
//! ```
//!
//! 32- and 64-bit files of either byte order are read. The tests compare the output with
//! `readelf` on real binaries of this machine.
#![forbid(unsafe_code)]

use std::fmt;

use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

/// `EI_CLASS`: the word size. Any other byte is rejected by validation.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
enum Class {
    Elf32 = 1,
    Elf64 = 2,
}

/// `EI_DATA`: the byte order of every multi-byte field after the identification.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
enum Encoding {
    Little = 1,
    Big = 2,
}

/// `e_ident`: the first 16 bytes of every ELF file.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
struct Ident {
    magic: [u8; 4],
    class: Class,
    data: Encoding,
    version: u8,
    os_abi: u8,
    abi_version: u8,
    pad: [u8; 7],
}

/// The rest of the ELF header of a 64-bit file, after `e_ident`.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct Header64 {
    e_type: [u8; 2],
    e_machine: [u8; 2],
    e_version: [u8; 4],
    e_entry: [u8; 8],
    e_phoff: [u8; 8],
    e_shoff: [u8; 8],
    e_flags: [u8; 4],
    e_ehsize: [u8; 2],
    e_phentsize: [u8; 2],
    e_phnum: [u8; 2],
    e_shentsize: [u8; 2],
    e_shnum: [u8; 2],
    e_shstrndx: [u8; 2],
}

/// The rest of the ELF header of a 32-bit file, after `e_ident`.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct Header32 {
    e_type: [u8; 2],
    e_machine: [u8; 2],
    e_version: [u8; 4],
    e_entry: [u8; 4],
    e_phoff: [u8; 4],
    e_shoff: [u8; 4],
    e_flags: [u8; 4],
    e_ehsize: [u8; 2],
    e_phentsize: [u8; 2],
    e_phnum: [u8; 2],
    e_shentsize: [u8; 2],
    e_shnum: [u8; 2],
    e_shstrndx: [u8; 2],
}

/// A section header of a 64-bit file.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct Shdr64 {
    sh_name: [u8; 4],
    sh_type: [u8; 4],
    sh_flags: [u8; 8],
    sh_addr: [u8; 8],
    sh_offset: [u8; 8],
    sh_size: [u8; 8],
    sh_link: [u8; 4],
    sh_info: [u8; 4],
    sh_addralign: [u8; 8],
    sh_entsize: [u8; 8],
}

/// A section header of a 32-bit file.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct Shdr32 {
    sh_name: [u8; 4],
    sh_type: [u8; 4],
    sh_flags: [u8; 4],
    sh_addr: [u8; 4],
    sh_offset: [u8; 4],
    sh_size: [u8; 4],
    sh_link: [u8; 4],
    sh_info: [u8; 4],
    sh_addralign: [u8; 4],
    sh_entsize: [u8; 4],
}

/// Decodes the multi-byte fields of one file, in its byte order.
#[derive(Clone, Copy)]
struct Order(Encoding);

impl Order {
    fn u16(self, b: [u8; 2]) -> u16 {
        match self.0 {
            Encoding::Little => u16::from_le_bytes(b),
            Encoding::Big => u16::from_be_bytes(b),
        }
    }
    fn u32(self, b: [u8; 4]) -> u32 {
        match self.0 {
            Encoding::Little => u32::from_le_bytes(b),
            Encoding::Big => u32::from_be_bytes(b),
        }
    }
    fn u64(self, b: [u8; 8]) -> u64 {
        match self.0 {
            Encoding::Little => u64::from_le_bytes(b),
            Encoding::Big => u64::from_be_bytes(b),
        }
    }
}

/// The ELF header, widened to 64 bits whatever the file's class.
#[derive(Debug, PartialEq, Eq)]
struct Header {
    class: Class,
    data: Encoding,
    os_abi: u8,
    e_type: u16,
    e_machine: u16,
    e_version: u32,
    e_entry: u64,
    e_phoff: u64,
    e_shoff: u64,
    e_flags: u32,
    e_ehsize: u16,
    e_phentsize: u16,
    e_phnum: u16,
    e_shentsize: u16,
    e_shnum: u16,
    e_shstrndx: u16,
}

/// One section header, widened to 64 bits.
#[derive(Debug, PartialEq, Eq)]
struct Section {
    name: String,
    kind: u32,
    addr: u64,
    offset: u64,
    size: u64,
}

/// Why a file could not be read as ELF.
#[derive(Debug, PartialEq, Eq)]
enum ElfError {
    /// A zerocast conversion failed: what was being read, and the error's own account.
    Convert {
        what: &'static str,
        error: String,
    },
    NotElf([u8; 4]),
    OutOfBounds {
        what: &'static str,
        offset: u64,
    },
    BadEntrySize {
        expected: usize,
        found: u16,
    },
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::Convert { what, error } => write!(f, "reading the {what}: {error}"),
            ElfError::NotElf(m) => write!(f, "not an ELF file: magic is {m:02x?}"),
            ElfError::OutOfBounds { what, offset } => {
                write!(
                    f,
                    "the {what} at offset {offset} lies past the end of the file"
                )
            }
            ElfError::BadEntrySize { expected, found } => {
                write!(
                    f,
                    "section headers are {found} bytes each; this class needs {expected}"
                )
            }
        }
    }
}

fn convert<E: fmt::Display>(what: &'static str) -> impl FnOnce(E) -> ElfError {
    move |e| ElfError::Convert {
        what,
        error: e.to_string(),
    }
}

/// The bytes of `file` from `offset` on.
fn tail<'a>(file: &'a [u8], offset: u64, what: &'static str) -> Result<&'a [u8], ElfError> {
    usize::try_from(offset)
        .ok()
        .and_then(|o| file.get(o..))
        .ok_or(ElfError::OutOfBounds { what, offset })
}

/// Reads the ELF header at the start of `file`.
fn parse_header(file: &[u8]) -> Result<Header, ElfError> {
    let (ident, rest) = Ident::try_ref_from_prefix(file).map_err(convert("identification"))?;
    if ident.magic != *b"\x7fELF" {
        return Err(ElfError::NotElf(ident.magic));
    }
    let o = Order(ident.data);
    let (class, data, os_abi) = (ident.class, ident.data, ident.os_abi);
    Ok(match ident.class {
        Class::Elf64 => {
            let (h, _) = Header64::ref_from_prefix(rest).map_err(convert("ELF64 header"))?;
            Header {
                class,
                data,
                os_abi,
                e_type: o.u16(h.e_type),
                e_machine: o.u16(h.e_machine),
                e_version: o.u32(h.e_version),
                e_entry: o.u64(h.e_entry),
                e_phoff: o.u64(h.e_phoff),
                e_shoff: o.u64(h.e_shoff),
                e_flags: o.u32(h.e_flags),
                e_ehsize: o.u16(h.e_ehsize),
                e_phentsize: o.u16(h.e_phentsize),
                e_phnum: o.u16(h.e_phnum),
                e_shentsize: o.u16(h.e_shentsize),
                e_shnum: o.u16(h.e_shnum),
                e_shstrndx: o.u16(h.e_shstrndx),
            }
        }
        Class::Elf32 => {
            let (h, _) = Header32::ref_from_prefix(rest).map_err(convert("ELF32 header"))?;
            Header {
                class,
                data,
                os_abi,
                e_type: o.u16(h.e_type),
                e_machine: o.u16(h.e_machine),
                e_version: o.u32(h.e_version),
                e_entry: o.u32(h.e_entry).into(),
                e_phoff: o.u32(h.e_phoff).into(),
                e_shoff: o.u32(h.e_shoff).into(),
                e_flags: o.u32(h.e_flags),
                e_ehsize: o.u16(h.e_ehsize),
                e_phentsize: o.u16(h.e_phentsize),
                e_phnum: o.u16(h.e_phnum),
                e_shentsize: o.u16(h.e_shentsize),
                e_shnum: o.u16(h.e_shnum),
                e_shstrndx: o.u16(h.e_shstrndx),
            }
        }
    })
}

/// Reads the section table described by `h`, with names from the section name string table.
fn parse_sections(file: &[u8], h: &Header) -> Result<Vec<Section>, ElfError> {
    let o = Order(h.data);
    let table = tail(file, h.e_shoff, "section header table")?;
    let count = usize::from(h.e_shnum);
    let mut sections: Vec<Section> = match h.class {
        Class::Elf64 => {
            check_entry_size::<Shdr64>(h)?;
            let (shdrs, _) = <[Shdr64]>::ref_from_prefix_with_elems(table, count)
                .map_err(convert("section header table"))?;
            shdrs
                .iter()
                .map(|s| Section {
                    name: o.u32(s.sh_name).to_string(),
                    kind: o.u32(s.sh_type),
                    addr: o.u64(s.sh_addr),
                    offset: o.u64(s.sh_offset),
                    size: o.u64(s.sh_size),
                })
                .collect()
        }
        Class::Elf32 => {
            check_entry_size::<Shdr32>(h)?;
            let (shdrs, _) = <[Shdr32]>::ref_from_prefix_with_elems(table, count)
                .map_err(convert("section header table"))?;
            shdrs
                .iter()
                .map(|s| Section {
                    name: o.u32(s.sh_name).to_string(),
                    kind: o.u32(s.sh_type),
                    addr: o.u32(s.sh_addr).into(),
                    offset: o.u32(s.sh_offset).into(),
                    size: o.u32(s.sh_size).into(),
                })
                .collect()
        }
    };
    // Replace each name's string-table index by the name itself.
    let strtab = match sections.get(usize::from(h.e_shstrndx)) {
        Some(s) => {
            let start = tail(file, s.offset, "section name string table")?;
            start
                .get(..usize::try_from(s.size).unwrap_or(usize::MAX))
                .unwrap_or(start)
        }
        None => &[],
    };
    for s in &mut sections {
        let index: usize = s.name.parse().unwrap_or(usize::MAX);
        let bytes = strtab.get(index..).unwrap_or(&[]);
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        s.name = String::from_utf8_lossy(&bytes[..end]).into_owned();
    }
    Ok(sections)
}

fn check_entry_size<T>(h: &Header) -> Result<(), ElfError> {
    if usize::from(h.e_shentsize) != size_of::<T>() && h.e_shnum != 0 {
        return Err(ElfError::BadEntrySize {
            expected: size_of::<T>(),
            found: h.e_shentsize,
        });
    }
    Ok(())
}

/// The name `readelf` gives a section type, if it is a common one.
fn section_type_name(kind: u32) -> Option<&'static str> {
    Some(match kind {
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
        11 => "DYNSYM",
        14 => "INIT_ARRAY",
        15 => "FINI_ARRAY",
        0x6fff_fff6 => "GNU_HASH",
        0x6fff_fffd => "VERDEF",
        0x6fff_fffe => "VERNEED",
        0x6fff_ffff => "VERSYM",
        _ => return None,
    })
}

/// The name of an object file type (`e_type`).
fn file_type_name(t: u16) -> &'static str {
    match t {
        1 => "REL (relocatable file)",
        2 => "EXEC (executable file)",
        3 => "DYN (shared object or position-independent executable)",
        4 => "CORE (core file)",
        _ => "other",
    }
}

/// The report this example prints.
fn render(path: &str, h: &Header, sections: &[Section]) -> String {
    use fmt::Write as _;
    let mut out = String::new();
    let class = match h.class {
        Class::Elf32 => "ELF32",
        Class::Elf64 => "ELF64",
    };
    let data = match h.data {
        Encoding::Little => "little endian",
        Encoding::Big => "big endian",
    };
    let rows: [(&str, String); 16] = [
        ("Class", class.to_string()),
        ("Data", data.to_string()),
        ("OS/ABI", h.os_abi.to_string()),
        ("Type", format!("{} {}", h.e_type, file_type_name(h.e_type))),
        ("Machine", h.e_machine.to_string()),
        ("Version", format!("{:#x}", h.e_version)),
        ("Entry point address", format!("{:#x}", h.e_entry)),
        ("Start of program headers", h.e_phoff.to_string()),
        ("Start of section headers", h.e_shoff.to_string()),
        ("Flags", format!("{:#x}", h.e_flags)),
        ("Size of this header", h.e_ehsize.to_string()),
        ("Size of program headers", h.e_phentsize.to_string()),
        ("Number of program headers", h.e_phnum.to_string()),
        ("Size of section headers", h.e_shentsize.to_string()),
        ("Number of section headers", h.e_shnum.to_string()),
        (
            "Section header string table index",
            h.e_shstrndx.to_string(),
        ),
    ];
    let _ = writeln!(out, "ELF header of {path}:");
    for (k, v) in rows {
        let _ = writeln!(out, "  {:<36}{v}", format!("{k}:"));
    }
    let _ = writeln!(out, "Sections:");
    let _ = writeln!(
        out,
        "  [Nr] {:<24} {:<12} {:>18} {:>10} {:>10}",
        "Name", "Type", "Address", "Offset", "Size"
    );
    for (i, s) in sections.iter().enumerate() {
        let kind =
            section_type_name(s.kind).map_or_else(|| format!("{:#x}", s.kind), str::to_string);
        let _ = writeln!(
            out,
            "  [{i:>2}] {:<24} {kind:<12} {:>#18x} {:>#10x} {:>#10x}",
            s.name, s.addr, s.offset, s.size
        );
    }
    out
}

fn main() -> std::process::ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/bin/ls".to_string());
    let file = match std::fs::read(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = parse_header(&file).and_then(|h| Ok((parse_sections(&file, &h)?, h)));
    match result {
        Ok((sections, h)) => {
            print!("{}", render(&path, &h, &sections));
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// `readelf`'s value for a header line such as "Entry point address:".
    fn readelf_field(out: &str, key: &str) -> String {
        out.lines()
            .find_map(|l| l.trim().strip_prefix(key))
            .unwrap_or_else(|| panic!("readelf printed no {key:?}"))
            .trim()
            .to_string()
    }

    fn first_number(s: &str) -> u64 {
        let word = s.split_whitespace().next().unwrap_or("");
        match word.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).unwrap(),
            None => word.parse().unwrap(),
        }
    }

    fn readelf(args: &[&str], path: &str) -> String {
        let out = Command::new("readelf")
            .args(args)
            .arg(path)
            .env("LC_ALL", "C")
            .output()
            .expect("readelf must be installed (binutils) to check against it");
        assert!(out.status.success(), "readelf failed on {path}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Binaries of this machine to check against `readelf`.
    fn samples() -> Vec<String> {
        let candidates = [
            "/bin/ls",
            "/bin/sh",
            "/usr/bin/env",
            "/usr/lib/x86_64-linux-gnu/libc.so.6",
        ];
        let found: Vec<String> = candidates
            .iter()
            .filter(|p| std::path::Path::new(p).exists())
            .map(|p| p.to_string())
            .collect();
        assert!(!found.is_empty(), "no ELF binaries found to test against");
        found
    }

    #[test]
    fn header_matches_readelf() {
        for path in samples() {
            let file = std::fs::read(&path).unwrap();
            let h = parse_header(&file).unwrap();
            let r = readelf(&["-h", "-W"], &path);
            let checks: [(&str, u64); 9] = [
                ("Entry point address:", h.e_entry),
                ("Start of program headers:", h.e_phoff),
                ("Start of section headers:", h.e_shoff),
                ("Size of this header:", h.e_ehsize.into()),
                ("Size of program headers:", h.e_phentsize.into()),
                ("Number of program headers:", h.e_phnum.into()),
                ("Size of section headers:", h.e_shentsize.into()),
                ("Number of section headers:", h.e_shnum.into()),
                ("Section header string table index:", h.e_shstrndx.into()),
            ];
            for (key, ours) in checks {
                assert_eq!(first_number(&readelf_field(&r, key)), ours, "{path}: {key}");
            }
            let class = readelf_field(&r, "Class:");
            assert_eq!(
                class,
                if h.class == Class::Elf64 {
                    "ELF64"
                } else {
                    "ELF32"
                },
                "{path}"
            );
        }
    }

    #[test]
    fn sections_match_readelf() {
        for path in samples() {
            let file = std::fs::read(&path).unwrap();
            let h = parse_header(&file).unwrap();
            let sections = parse_sections(&file, &h).unwrap();
            let r = readelf(&["-S", "-W"], &path);
            // Lines look like "  [ 1] .interp  PROGBITS  0000000000000318 000318 00001c ...".
            let rows: Vec<(String, String, u64, u64, u64)> = r
                .lines()
                .filter_map(|l| {
                    let rest = l.trim().strip_prefix('[')?;
                    let (_, rest) = rest.split_once(']')?;
                    let words: Vec<&str> = rest.split_whitespace().collect();
                    // Section 0 has an empty name: its row starts at the type.
                    let (name, kind, nums) = if words.first() == Some(&"NULL") {
                        (String::new(), "NULL", &words[1..])
                    } else {
                        (words.first()?.to_string(), *words.get(1)?, words.get(2..)?)
                    };
                    let hex = |s: &str| u64::from_str_radix(s, 16).ok();
                    let (addr, off, size) =
                        (hex(nums.first()?)?, hex(nums.get(1)?)?, hex(nums.get(2)?)?);
                    Some((name, kind.to_string(), addr, off, size))
                })
                .collect();
            assert_eq!(rows.len(), sections.len(), "{path}: section count");
            for (s, (name, kind, addr, off, size)) in sections.iter().zip(&rows) {
                assert_eq!(
                    (&s.name, s.addr, s.offset, s.size),
                    (name, *addr, *off, *size),
                    "{path}"
                );
                if let Some(ours) = section_type_name(s.kind) {
                    assert_eq!(ours, kind, "{path}: type of {name}");
                }
            }
        }
    }

    /// A 32-bit big-endian file, built byte by byte: header, three sections, name table.
    fn elf32_big_endian() -> Vec<u8> {
        let mut f = vec![0x7f, b'E', b'L', b'F', 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let names = b"\0.text\0.shstrtab\0";
        let shoff: u32 = 52 + names.len() as u32;
        let be16 = |v: u16| v.to_be_bytes();
        let be32 = |v: u32| v.to_be_bytes();
        f.extend(be16(2)); // e_type: EXEC
        f.extend(be16(8)); // e_machine: MIPS
        f.extend(be32(1));
        f.extend(be32(0x400100)); // e_entry
        f.extend(be32(0)); // e_phoff
        f.extend(be32(shoff));
        f.extend(be32(0x1000)); // e_flags
        f.extend(be16(52));
        f.extend(be16(32));
        f.extend(be16(0));
        f.extend(be16(40));
        f.extend(be16(3)); // e_shnum
        f.extend(be16(2)); // e_shstrndx
        assert_eq!(f.len(), 52);
        f.extend_from_slice(names);
        let shdr = |name: u32, kind: u32, addr: u32, off: u32, size: u32| {
            [name, kind, 0, addr, off, size, 0, 0, 1, 0]
                .into_iter()
                .flat_map(be32)
                .collect::<Vec<u8>>()
        };
        f.extend(shdr(0, 0, 0, 0, 0));
        f.extend(shdr(1, 1, 0x400100, 0, 0x40));
        f.extend(shdr(7, 3, 0, 52, names.len() as u32));
        f
    }

    #[test]
    fn reads_32_bit_big_endian() {
        let f = elf32_big_endian();
        let h = parse_header(&f).unwrap();
        assert_eq!(
            (h.class, h.data, h.e_machine, h.e_entry),
            (Class::Elf32, Encoding::Big, 8, 0x400100)
        );
        assert_eq!((h.e_flags, h.e_shnum, h.e_shstrndx), (0x1000, 3, 2));
        let s = parse_sections(&f, &h).unwrap();
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["", ".text", ".shstrtab"]);
        assert_eq!((s[1].kind, s[1].addr, s[1].size), (1, 0x400100, 0x40));
        assert!(render("x", &h, &s).contains("  Data:                               big endian\n"));
    }

    #[test]
    fn malformed_files_get_precise_errors() {
        let good = elf32_big_endian();

        let mut bad_class = good.clone();
        bad_class[4] = 9;
        let e = parse_header(&bad_class).unwrap_err().to_string();
        assert!(
            e.contains("0x9 is not a valid") && e.contains("Class"),
            "{e}"
        );
        assert!(
            e.contains("at byte offset 4 (field `class` of `Ident`)"),
            "{e}"
        );

        let mut bad_data = good.clone();
        bad_data[5] = 0;
        let e = parse_header(&bad_data).unwrap_err().to_string();
        assert!(
            e.contains("at byte offset 5 (field `data` of `Ident`)"),
            "{e}"
        );

        let e = parse_header(&good[..30]).unwrap_err();
        assert_eq!(
            e,
            ElfError::Convert {
                what: "ELF32 header",
                error: "`elf_header::Header32` needs at least 36 bytes, but the source has 14"
                    .into()
            }
        );
        let mut bad_magic = good.clone();
        bad_magic[3] = b'G';
        assert_eq!(parse_header(&bad_magic), Err(ElfError::NotElf(*b"\x7fELG")));
        // All zeros: the class byte 0 is checked before the magic is looked at.
        assert!(matches!(
            parse_header(&[0; 64]),
            Err(ElfError::Convert {
                what: "identification",
                ..
            })
        ));

        // A section table that runs past the end of the file.
        let h = parse_header(&good).unwrap();
        let e = parse_sections(&good[..good.len() - 1], &h)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("needs at least 120 bytes, but the source has 119"),
            "{e}"
        );
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let good = elf32_big_endian();
        for len in 0..good.len() {
            let f = &good[..len];
            let parsed = parse_header(f).and_then(|h| parse_sections(f, &h));
            // The section table is last, so every truncation cuts into something needed.
            assert!(parsed.is_err(), "length {len} parsed");
        }
    }
}
