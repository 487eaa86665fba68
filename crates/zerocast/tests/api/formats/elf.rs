// SPDX-License-Identifier: MIT OR Apache-2.0
//! ELF against `readelf -h -S -W`, and malformed files against their typed errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use zerocast::SizeNeeded;

use zerocast_formats::elf::{self, Class, ElfError, Encoding};

/// The committed fixtures: `(name, file, readelf -h -S -W output)`. See `tests/data/README.md`.
pub(super) const FIXTURES: [(&str, &[u8], &str); 4] = [
    (
        "elf32-little.o",
        include_bytes!("../../data/elf32-little.o"),
        include_str!("../../data/elf32-little.o.readelf"),
    ),
    (
        "elf32-big.o",
        include_bytes!("../../data/elf32-big.o"),
        include_str!("../../data/elf32-big.o.readelf"),
    ),
    (
        "elf64-little.o",
        include_bytes!("../../data/elf64-little.o"),
        include_str!("../../data/elf64-little.o.readelf"),
    ),
    (
        "elf64-big.o",
        include_bytes!("../../data/elf64-big.o"),
        include_str!("../../data/elf64-big.o.readelf"),
    ),
];

/// The contents `objcopy -I binary` put in each fixture's `.text`.
const FIXTURE_TEXT: &[u8] = b"zerocast ELF fixture: these bytes are the .text section\n";

/// `readelf`'s report, without what `render` does not print: the key to the flags, the words
/// after the type in the `Type:` line (readelf tells PIE from shared objects by their dynamic
/// section), and the machine-specific names after the number in the `Flags:` line.
fn normalize(report: &str) -> Vec<String> {
    report
        .lines()
        .take_while(|l| !l.starts_with("Key to Flags:"))
        .map(|l| {
            if let Some(v) = l.strip_prefix("  Type:") {
                format!(
                    "  Type: {}",
                    v.split_whitespace().next().unwrap_or_default()
                )
            } else if l.starts_with("  Flags:") {
                l.split(',').next().unwrap_or_default().to_string()
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// Our report on `file`, normalized.
pub(super) fn ours(file: &[u8]) -> Result<Vec<String>, String> {
    let parsed = elf::parse(file).map_err(|e| e.to_string())?;
    Ok(normalize(&elf::render(&parsed)))
}

/// Asserts that two normalized reports are equal, naming the first line that differs.
pub(super) fn assert_same(ours: &[String], theirs: &[String], what: &str) {
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert_eq!(a, b, "{what}: line {}", i + 1);
    }
    assert_eq!(ours.len(), theirs.len(), "{what}: line count");
}

/// The class and byte order a report names.
fn class_and_data(report: &[String]) -> (String, String) {
    let value = |key: &str| {
        report
            .iter()
            .find_map(|l| l.trim().strip_prefix(key))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    (value("Class:"), value("Data:"))
}

#[test]
fn fixtures_render_as_readelf_printed_them() {
    let mut seen = Vec::new();
    for (name, file, golden) in FIXTURES {
        let ours = ours(file).unwrap();
        let theirs = normalize(golden);
        assert_same(&ours, &theirs, name);
        seen.push(class_and_data(&theirs));

        // Independently of readelf: `.text` (section 1) holds exactly the payload objcopy was
        // given, at the offset and size the section header says.
        let parsed = elf::parse(file).unwrap();
        let text = &parsed.sections[1];
        assert_eq!(text.name, Some(&b".text"[..]), "{name}");
        let start = usize::try_from(text.sh_offset).unwrap();
        let end = start + usize::try_from(text.sh_size).unwrap();
        assert_eq!(&file[start..end], FIXTURE_TEXT, "{name}");
        assert_eq!(text.sh_addr, 0x10000, "{name}");
        // The header fields, read straight from the bytes in the file's own order.
        let (wide, big) = (file[4] == 2, file[5] == 2);
        let u16_at = |o: usize| {
            let b = [file[o], file[o + 1]];
            if big {
                u16::from_be_bytes(b)
            } else {
                u16::from_le_bytes(b)
            }
        };
        let h = parsed.header;
        let (ehsize, shentsize) = if wide { (64, 64) } else { (52, 40) };
        assert_eq!((h.e_ehsize, h.e_shentsize), (ehsize, shentsize), "{name}");
        // e_shnum and e_shstrndx are the last two fields of the header.
        assert_eq!(h.e_shnum, u16_at(usize::from(ehsize) - 4), "{name}");
        assert_eq!(h.e_shstrndx, u16_at(usize::from(ehsize) - 2), "{name}");
        assert_eq!(
            (h.class, h.data),
            (
                if wide { Class::Elf64 } else { Class::Elf32 },
                if big { Encoding::Big } else { Encoding::Little }
            ),
            "{name}"
        );
    }
    let little = "2's complement, little endian";
    let big = "2's complement, big endian";
    let want: Vec<(String, String)> = [
        ("ELF32", little),
        ("ELF32", big),
        ("ELF64", little),
        ("ELF64", big),
    ]
    .iter()
    .map(|(c, d)| (c.to_string(), d.to_string()))
    .collect();
    assert_eq!(seen, want);
}

/// `readelf -h -S -W` on `path`, normalized; `None` if readelf refused the file.
pub(super) fn readelf(path: &Path) -> Option<Vec<String>> {
    let out = Command::new("readelf")
        .args(["-h", "-S", "-W"])
        .arg(path)
        .env("LC_ALL", "C")
        .output()
        .expect("readelf must be installed (binutils) to check against it");
    out.status
        .success()
        .then(|| normalize(&String::from_utf8_lossy(&out.stdout)))
}

/// Whether `path` is a regular file starting with the ELF magic.
fn is_elf(path: &Path) -> bool {
    use std::io::Read as _;
    let mut magic = [0; 4];
    path.is_file()
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok()
        && magic == elf::MAGIC
}

/// The ELF files of `dir` whose name `keep` accepts, sorted.
fn elf_files(dir: &str, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
        .filter(|p| is_elf(p))
        .collect();
    files.sort();
    files.dedup();
    files
}

/// A scratch directory for files this test makes, removed when dropped.
pub(super) struct Scratch(pub(super) PathBuf);

impl Scratch {
    pub(super) fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("zerocast-formats-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// 32-bit and big-endian files made by `objcopy` from raw bytes (no compiler needed), in every
/// output format it has for them; empty if objcopy is missing.
fn objcopy_files(dir: &Path) -> Vec<PathBuf> {
    let input = dir.join("payload.bin");
    std::fs::write(&input, b"made by objcopy for zerocast's ELF tests").unwrap();
    let mut out = Vec::new();
    for format in [
        "elf32-i386",
        "elf32-x86-64",
        "elf32-little",
        "elf32-big",
        "elf64-little",
        "elf64-big",
    ] {
        let path = dir.join(format!("{format}.o"));
        let made = Command::new("objcopy")
            .args(["-I", "binary", "-O", format])
            .args(["--rename-section", ".data=.rodata,alloc,readonly,contents"])
            .args(["--change-section-address", ".data=0x8000"])
            .arg(&input)
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            out.push(path);
        }
    }
    out
}

/// Every ELF file of `/bin`, a sample of the shared libraries, 32-bit files if the machine has
/// any, and files made by objcopy: our report must be readelf's, line for line.
#[test]
#[cfg_attr(miri, ignore = "runs readelf and reads the file system")]
fn this_machines_files_render_as_readelf_prints_them() {
    let scratch = Scratch::new("elf");
    let mut files = elf_files("/bin", |_| true);
    // The shared libraries: every 4th, so a few hundred, spread over the alphabet.
    let libs = elf_files("/usr/lib/x86_64-linux-gnu", |n| n.contains(".so"));
    files.extend(libs.iter().step_by(4).cloned());
    // valgrind ships 32-bit x86 preload libraries and tools.
    files.extend(elf_files("/usr/libexec/valgrind", |n| {
        n.contains("x86-linux")
    }));
    let made = objcopy_files(&scratch.0);
    files.extend(made.iter().cloned());
    for (name, file, _) in FIXTURES {
        let path = scratch.0.join(name);
        std::fs::write(&path, file).unwrap();
        files.push(path);
    }

    let mut kinds = std::collections::BTreeMap::<(String, String), usize>::new();
    let mut checked = 0;
    for path in &files {
        let what = path.display().to_string();
        let Some(theirs) = readelf(path) else {
            continue;
        };
        let file = std::fs::read(path).unwrap();
        let ours = ours(&file).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_same(&ours, &theirs, &what);
        *kinds.entry(class_and_data(&theirs)).or_default() += 1;
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} ELF files found to check");
    assert_eq!(made.len(), 6, "objcopy made {made:?}");
    for class in ["ELF32", "ELF64"] {
        for data in ["little", "big"] {
            let key = (class.to_string(), format!("2's complement, {data} endian"));
            assert!(
                kinds.get(&key).is_some_and(|&n| n > 0),
                "no {key:?} in {kinds:?}"
            );
        }
    }
    // The committed goldens are what this machine's readelf prints.
    for (name, _, golden) in FIXTURES {
        let theirs = readelf(&scratch.0.join(name)).unwrap();
        assert_same(&normalize(golden), &theirs, name);
    }
}

/// Builds a 32-bit big-endian executable byte by byte from the gABI's layout: header, a name
/// table, then `sections` section headers of `(sh_name, sh_type, sh_flags, sh_addr, sh_offset,
/// sh_size)` (link, info, alignment and entry size fixed).
fn elf32_big_endian(e_shnum: u16, e_shstrndx: u16, sections: &[[u32; 6]]) -> Vec<u8> {
    let mut f = vec![0x7f, b'E', b'L', b'F', 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let names = b"\0.text\0.shstrtab\0";
    let shoff = 52 + names.len() as u32;
    let be16 = |v: u16| v.to_be_bytes();
    let be32 = |v: u32| v.to_be_bytes();
    f.extend(be16(2)); // e_type: EXEC
    f.extend(be16(8)); // e_machine: MIPS
    f.extend(be32(1)); // e_version
    f.extend(be32(0x0040_0100)); // e_entry
    f.extend(be32(0)); // e_phoff
    f.extend(be32(shoff));
    f.extend(be32(0x1000)); // e_flags
    f.extend(be16(52)); // e_ehsize
    f.extend(be16(32)); // e_phentsize
    f.extend(be16(0)); // e_phnum
    f.extend(be16(40)); // e_shentsize
    f.extend(be16(e_shnum));
    f.extend(be16(e_shstrndx));
    assert_eq!(f.len(), 52);
    f.extend_from_slice(names);
    for s in sections {
        for v in [s[0], s[1], s[2], s[3], s[4], s[5], 0, 0, 1, 0] {
            f.extend(be32(v));
        }
    }
    f
}

/// The usual three sections: null, `.text`, `.shstrtab` (at file offset 52, 17 bytes).
fn three_sections() -> Vec<u8> {
    elf32_big_endian(
        3,
        2,
        &[
            [0; 6],
            [1, 1, 6, 0x0040_0100, 0, 0x40],
            [7, 3, 0, 0, 52, 17],
        ],
    )
}

#[test]
fn reads_a_hand_built_32_bit_big_endian_file() {
    let f = three_sections();
    let parsed = elf::parse(&f).unwrap();
    let h = parsed.header;
    assert_eq!(
        (h.class, h.data, h.e_type, h.e_machine, h.e_entry),
        (Class::Elf32, Encoding::Big, 2, 8, 0x0040_0100)
    );
    assert_eq!(
        (h.e_flags, h.e_shoff, h.e_shnum, h.e_shstrndx),
        (0x1000, 69, 3, 2)
    );
    let names: Vec<Option<&[u8]>> = parsed.sections.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [Some(&b""[..]), Some(&b".text"[..]), Some(&b".shstrtab"[..])]
    );
    let t = &parsed.sections[1];
    assert_eq!(
        (t.sh_type, t.sh_flags, t.sh_addr, t.sh_size, t.sh_addralign),
        (1, 6, 0x0040_0100, 0x40, 1)
    );
    let report = elf::render(&parsed);
    assert!(report.contains("  Data:                              2's complement, big endian\n"));
    assert!(report.contains("  Machine:                           MIPS R3000\n"));
    assert!(report.contains(
        "  [ 1] .text             PROGBITS        00400100 000000 000040 00  AX  0   0  1\n"
    ));
}

/// More than 0xff00 sections: `e_shnum` is 0 and `e_shstrndx` `SHN_XINDEX`, the real values
/// in section 0's `sh_size` and `sh_link` (gABI, "Sections"). Built here with 3.
fn extended_numbering() -> Vec<u8> {
    let mut f = elf32_big_endian(
        0,
        0xffff,
        &[
            [0, 0, 0, 0, 0, 3],
            [1, 1, 6, 0x0040_0100, 0, 0x40],
            [7, 3, 0, 0, 52, 17],
        ],
    );
    // sh_link of section 0 (the 7th word of the header at 69): the name table's index.
    f[69 + 24..69 + 28].copy_from_slice(&2u32.to_be_bytes());
    f
}

#[test]
fn extended_section_numbering() {
    let f = extended_numbering();
    let parsed = elf::parse(&f).unwrap();
    assert_eq!(
        (parsed.header.e_shnum, parsed.header.e_shstrndx),
        (0, 0xffff)
    );
    assert_eq!((parsed.sections.len(), parsed.shstrndx), (3, 2));
    assert_eq!(parsed.sections[2].name, Some(&b".shstrtab"[..]));
    let report = elf::render(&parsed);
    assert!(
        report.contains("  Number of section headers:         0 (3)\n"),
        "{report}"
    );
    assert!(
        report.contains("  Section header string table index: 65535 (2)\n"),
        "{report}"
    );
}

/// A name offset past the end of the name table: `<corrupt>`, as readelf says.
fn corrupt_name() -> Vec<u8> {
    elf32_big_endian(
        3,
        2,
        &[
            [0; 6],
            [999, 1, 6, 0x0040_0100, 0, 0x40],
            [7, 3, 0, 0, 52, 17],
        ],
    )
}

#[test]
fn a_name_outside_the_name_table_is_corrupt_not_an_error() {
    let file = corrupt_name();
    let parsed = elf::parse(&file).unwrap();
    assert_eq!(parsed.sections[1].name, None);
    assert!(elf::render(&parsed).contains("  [ 1] <corrupt>         PROGBITS"));
}

/// Control characters in a name (a line feed, a tab), which readelf prints as `^J` and `^I`:
/// printed raw, the line feed broke the report into an extra line (found by the `wire` fuzz
/// target).
fn control_characters_in_a_name() -> Vec<u8> {
    let mut f = three_sections();
    // The name table starts at file offset 52 with a NUL: `.text` is at 53..58.
    f[55] = b'\n';
    f[57] = b'\t';
    f
}

#[test]
fn control_characters_in_a_name_are_escaped_as_readelf_does() {
    let file = control_characters_in_a_name();
    let parsed = elf::parse(&file).unwrap();
    assert_eq!(parsed.sections[1].name, Some(&b".t\nx\t"[..]));
    let report = elf::render(&parsed);
    let row = format!("  [ 1] {:<17} PROGBITS ", ".t^Jx^I");
    assert!(report.contains(&row), "{report}");
    // The header row and one row per section, nothing more.
    let rows = report.lines().filter(|l| l.starts_with("  [")).count();
    assert_eq!(rows, 1 + 3, "{report}");
}

/// The hand-built files, written out and shown to readelf: it must read them as we do.
#[test]
#[cfg_attr(miri, ignore = "runs readelf")]
fn readelf_agrees_on_the_hand_built_files() {
    let scratch = Scratch::new("hand-built");
    for (name, file) in [
        ("three", three_sections()),
        ("extended", extended_numbering()),
        ("corrupt-name", corrupt_name()),
        ("control-characters", control_characters_in_a_name()),
    ] {
        let path = scratch.0.join(name);
        std::fs::write(&path, &file).unwrap();
        let theirs = readelf(&path).unwrap();
        assert_same(&ours(&file).unwrap(), &theirs, name);
    }
}

#[test]
fn malformed_files_get_precise_errors() {
    let good = three_sections();

    // The class byte: 9 is neither ELFCLASS32 nor ELFCLASS64.
    let mut f = good.clone();
    f[4] = 9;
    let ElfError::Invalid { what, offset, bits } = elf::parse(&f).unwrap_err() else {
        panic!("not a validation error");
    };
    assert_eq!((what, offset), ("identification", 0));
    assert_eq!((bits.offset(), bits.found()), (4, Some(9)));
    assert_eq!(bits.field(), Some(("Ident", "class")));
    let e = elf::parse(&f).unwrap_err().to_string();
    assert!(
        e.contains("at byte offset 4 (field `class` of `Ident`)"),
        "{e}"
    );

    // The data byte: 0 is ELFDATANONE.
    let mut f = good.clone();
    f[5] = 0;
    let ElfError::Invalid { bits, .. } = elf::parse(&f).unwrap_err() else {
        panic!("not a validation error");
    };
    assert_eq!((bits.offset(), bits.found()), (5, Some(0)));
    assert_eq!(bits.field(), Some(("Ident", "data")));

    // The magic is checked first, before the class.
    let mut f = good.clone();
    f[3] = b'G';
    f[4] = 9;
    assert_eq!(elf::parse(&f), Err(ElfError::NotElf(Some(*b"\x7fELG"))));
    assert_eq!(elf::parse(&good[..3]), Err(ElfError::NotElf(None)));
    assert!(matches!(
        elf::parse(&[0; 64]),
        Err(ElfError::NotElf(Some([0, 0, 0, 0])))
    ));

    // A header cut short: the 32-bit header is 52 bytes.
    assert_eq!(
        elf::parse(&good[..30]),
        Err(ElfError::Truncated {
            what: "ELF32 header",
            offset: 0,
            needed: SizeNeeded::AtLeast(52),
            found: 30
        })
    );
    // The identification cut short.
    assert!(matches!(
        elf::parse(&good[..10]),
        Err(ElfError::Truncated {
            what: "identification",
            found: 10,
            ..
        })
    ));

    // A section table running past the end of the file: 3 headers of 40 bytes at 69.
    let e = elf::parse(&good[..good.len() - 1]).unwrap_err();
    assert_eq!(
        e,
        ElfError::Truncated {
            what: "section header table",
            offset: 69,
            needed: SizeNeeded::AtLeast(120),
            found: 119
        }
    );

    // A section table starting past the end.
    let mut f = good.clone();
    f[32..36].copy_from_slice(&1000u32.to_be_bytes()); // e_shoff
    assert_eq!(
        elf::parse(&f),
        Err(ElfError::OutOfBounds {
            what: "section header table",
            offset: 1000
        })
    );

    // Section headers of the wrong size for the class.
    let mut f = good.clone();
    f[46..48].copy_from_slice(&64u16.to_be_bytes()); // e_shentsize
    assert_eq!(
        elf::parse(&f),
        Err(ElfError::BadEntrySize {
            expected: 40,
            found: 64
        })
    );

    // The name table's section pointing past the end of the file.
    let mut f = good.clone();
    let strtab_offset = 69 + 2 * 40 + 16; // sh_offset of section 2
    f[strtab_offset..strtab_offset + 4].copy_from_slice(&5000u32.to_be_bytes());
    assert_eq!(
        elf::parse(&f),
        Err(ElfError::OutOfBounds {
            what: "section name string table",
            offset: 5000
        })
    );
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    for good in [three_sections(), extended_numbering()] {
        for len in 0..good.len() {
            // The section table is last, so every truncation cuts into something needed.
            assert!(elf::parse(&good[..len]).is_err(), "length {len} parsed");
        }
    }
    // The fixtures too: their section tables are last as well.
    for (name, file, _) in FIXTURES {
        for len in (0..file.len()).step_by(if cfg!(miri) { 37 } else { 1 }) {
            assert!(
                elf::parse(&file[..len]).is_err(),
                "{name}: length {len} parsed"
            );
        }
    }
}

#[test]
fn every_byte_value_in_the_header_parses_or_errs() {
    // No panic whatever one header byte holds (under Miri: a few values of every byte).
    let good = three_sections();
    let values: Vec<u8> = if cfg!(miri) {
        vec![0, 0x7f, 0xff]
    } else {
        (0..=255).collect()
    };
    for i in 0..52 {
        for &v in &values {
            let mut f = good.clone();
            f[i] = v;
            if let Ok(parsed) = elf::parse(&f) {
                if !cfg!(miri) {
                    let _ = elf::render(&parsed);
                }
            }
        }
    }
}
