// SPDX-License-Identifier: MIT OR Apache-2.0
//! ELF: the file header and the section header table, 32- and 64-bit, either byte order.
//!
//! Defined from the System V gABI, chapter 4 ("ELF Header", "Sections"): each structure is a
//! `#[repr(C)]` struct of byte-order integers generic over the order `O`, with no hand-written
//! offsets and no byte swapping: [`U32<O>::get`] does it. Every type is `Unaligned`, so a view
//! can start at any file offset; the identification's class and data bytes are enums, so a
//! byte outside the defined values is a validation error naming the field.
//!
//! [`parse`] reads a whole file into an [`Elf`]: the header widened to 64 bits plus the section
//! table with each section's name borrowed from the file. [`render`] prints them the way
//! `readelf -h -S -W` does.

use core::convert::Infallible;
use core::fmt;

use zerocast::byteorder::{BigEndian, ByteOrder, LittleEndian, U16, U32, U64};
use zerocast::error::{InvalidBits, SizeNeeded};
use zerocast::{
    ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, SizeError, TryCastError,
    TryFromBytes, Unaligned,
};

/// `EI_CLASS`: the word size. Any other byte is rejected by validation.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
pub(crate) enum Class {
    /// `ELFCLASS32`.
    Elf32 = 1,
    /// `ELFCLASS64`.
    Elf64 = 2,
}

/// `EI_DATA`: the byte order of every multi-byte field after the identification.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
pub(crate) enum Encoding {
    /// `ELFDATA2LSB`: two's complement, little endian.
    Little = 1,
    /// `ELFDATA2MSB`: two's complement, big endian.
    Big = 2,
}

/// The ELF magic, `e_ident[EI_MAG0..=EI_MAG3]`.
pub(crate) const MAGIC: [u8; 4] = *b"\x7fELF";

/// `e_ident`: the first 16 bytes of every ELF file, the same in every class and byte order.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub(crate) struct Ident {
    pub(crate) magic: [u8; 4],
    pub(crate) class: Class,
    pub(crate) data: Encoding,
    pub(crate) version: u8,
    pub(crate) os_abi: u8,
    pub(crate) abi_version: u8,
    pub(crate) pad: [u8; 7],
}

/// `Elf32_Ehdr`: the file header of a 32-bit file (52 bytes).
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub(crate) struct Header32<O: ByteOrder> {
    pub(crate) e_ident: Ident,
    pub(crate) e_type: U16<O>,
    pub(crate) e_machine: U16<O>,
    pub(crate) e_version: U32<O>,
    pub(crate) e_entry: U32<O>,
    pub(crate) e_phoff: U32<O>,
    pub(crate) e_shoff: U32<O>,
    pub(crate) e_flags: U32<O>,
    pub(crate) e_ehsize: U16<O>,
    pub(crate) e_phentsize: U16<O>,
    pub(crate) e_phnum: U16<O>,
    pub(crate) e_shentsize: U16<O>,
    pub(crate) e_shnum: U16<O>,
    pub(crate) e_shstrndx: U16<O>,
}

/// `Elf64_Ehdr`: the file header of a 64-bit file (64 bytes).
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub(crate) struct Header64<O: ByteOrder> {
    pub(crate) e_ident: Ident,
    pub(crate) e_type: U16<O>,
    pub(crate) e_machine: U16<O>,
    pub(crate) e_version: U32<O>,
    pub(crate) e_entry: U64<O>,
    pub(crate) e_phoff: U64<O>,
    pub(crate) e_shoff: U64<O>,
    pub(crate) e_flags: U32<O>,
    pub(crate) e_ehsize: U16<O>,
    pub(crate) e_phentsize: U16<O>,
    pub(crate) e_phnum: U16<O>,
    pub(crate) e_shentsize: U16<O>,
    pub(crate) e_shnum: U16<O>,
    pub(crate) e_shstrndx: U16<O>,
}

/// `Elf32_Shdr`: one section header of a 32-bit file (40 bytes). Every bit pattern is one.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub(crate) struct Shdr32<O: ByteOrder> {
    pub(crate) sh_name: U32<O>,
    pub(crate) sh_type: U32<O>,
    pub(crate) sh_flags: U32<O>,
    pub(crate) sh_addr: U32<O>,
    pub(crate) sh_offset: U32<O>,
    pub(crate) sh_size: U32<O>,
    pub(crate) sh_link: U32<O>,
    pub(crate) sh_info: U32<O>,
    pub(crate) sh_addralign: U32<O>,
    pub(crate) sh_entsize: U32<O>,
}

/// `Elf64_Shdr`: one section header of a 64-bit file (64 bytes). Every bit pattern is one.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub(crate) struct Shdr64<O: ByteOrder> {
    pub(crate) sh_name: U32<O>,
    pub(crate) sh_type: U32<O>,
    pub(crate) sh_flags: U64<O>,
    pub(crate) sh_addr: U64<O>,
    pub(crate) sh_offset: U64<O>,
    pub(crate) sh_size: U64<O>,
    pub(crate) sh_link: U32<O>,
    pub(crate) sh_info: U32<O>,
    pub(crate) sh_addralign: U64<O>,
    pub(crate) sh_entsize: U64<O>,
}

/// The ELF header, widened to 64 bits whatever the file's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) ident: [u8; 16],
    pub(crate) class: Class,
    pub(crate) data: Encoding,
    pub(crate) os_abi: u8,
    pub(crate) abi_version: u8,
    pub(crate) e_type: u16,
    pub(crate) e_machine: u16,
    pub(crate) e_version: u32,
    pub(crate) e_entry: u64,
    pub(crate) e_phoff: u64,
    pub(crate) e_shoff: u64,
    pub(crate) e_flags: u32,
    pub(crate) e_ehsize: u16,
    pub(crate) e_phentsize: u16,
    pub(crate) e_phnum: u16,
    pub(crate) e_shentsize: u16,
    pub(crate) e_shnum: u16,
    pub(crate) e_shstrndx: u16,
}

/// One section header, widened to 64 bits, with its name looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section<'a> {
    /// The name from the section name string table; `None` if `sh_name` lies outside it.
    pub(crate) name: Option<&'a [u8]>,
    pub(crate) sh_name: u32,
    pub(crate) sh_type: u32,
    pub(crate) sh_flags: u64,
    pub(crate) sh_addr: u64,
    pub(crate) sh_offset: u64,
    pub(crate) sh_size: u64,
    pub(crate) sh_link: u32,
    pub(crate) sh_info: u32,
    pub(crate) sh_addralign: u64,
    pub(crate) sh_entsize: u64,
}

/// A parsed ELF file: its header and section table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Elf<'a> {
    pub(crate) header: Header,
    pub(crate) sections: Vec<Section<'a>>,
    /// The index of the section name string table (`e_shstrndx`, or `sh_link` of section 0
    /// when `e_shstrndx` is `SHN_XINDEX`).
    pub(crate) shstrndx: u32,
}

/// A file header of one class and byte order: [`Header32<O>`] or [`Header64<O>`].
pub(crate) trait FileHeader: TryFromBytes + KnownLayout + Immutable + Unaligned {
    /// The section header of the same class and byte order.
    type Shdr: FromBytes + KnownLayout + Immutable + Unaligned;
    /// What error messages call this header.
    const WHAT: &'static str;
    /// The header, widened.
    fn widen(&self) -> Header;
    /// A section header, widened, its name not yet looked up.
    fn widen_section(s: &Self::Shdr) -> Section<'static>;
}

macro_rules! file_header {
    ($header:ident, $shdr:ident, $what:literal) => {
        impl<O: ByteOrder> FileHeader for $header<O> {
            type Shdr = $shdr<O>;
            const WHAT: &'static str = $what;

            fn widen(&self) -> Header {
                let i = &self.e_ident;
                Header {
                    ident: ident_bytes(i),
                    class: i.class,
                    data: i.data,
                    os_abi: i.os_abi,
                    abi_version: i.abi_version,
                    e_type: self.e_type.get(),
                    e_machine: self.e_machine.get(),
                    e_version: self.e_version.get(),
                    e_entry: self.e_entry.get().into(),
                    e_phoff: self.e_phoff.get().into(),
                    e_shoff: self.e_shoff.get().into(),
                    e_flags: self.e_flags.get(),
                    e_ehsize: self.e_ehsize.get(),
                    e_phentsize: self.e_phentsize.get(),
                    e_phnum: self.e_phnum.get(),
                    e_shentsize: self.e_shentsize.get(),
                    e_shnum: self.e_shnum.get(),
                    e_shstrndx: self.e_shstrndx.get(),
                }
            }

            fn widen_section(s: &$shdr<O>) -> Section<'static> {
                Section {
                    name: None,
                    sh_name: s.sh_name.get(),
                    sh_type: s.sh_type.get(),
                    sh_flags: s.sh_flags.get().into(),
                    sh_addr: s.sh_addr.get().into(),
                    sh_offset: s.sh_offset.get().into(),
                    sh_size: s.sh_size.get().into(),
                    sh_link: s.sh_link.get(),
                    sh_info: s.sh_info.get(),
                    sh_addralign: s.sh_addralign.get().into(),
                    sh_entsize: s.sh_entsize.get().into(),
                }
            }
        }
    };
}

file_header!(Header32, Shdr32, "ELF32 header");
file_header!(Header64, Shdr64, "ELF64 header");

/// `e_ident` as its 16 bytes (`EI_NIDENT`).
fn ident_bytes(i: &Ident) -> [u8; 16] {
    const { assert!(size_of::<Ident>() == 16) };
    let mut out = [0; 16];
    // PANIC: both sides are 16 bytes, as the assertion above checks at compile time.
    out.copy_from_slice(i.as_bytes());
    out
}

/// Why a file could not be read as ELF. No variant allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ElfError {
    /// The first four bytes are not `\x7fELF` (`None`: the file is shorter than four bytes).
    NotElf(Option<[u8; 4]>),
    /// A structure runs past the end of the file.
    Truncated {
        what: &'static str,
        offset: u64,
        needed: SizeNeeded,
        found: usize,
    },
    /// A field of a structure holds a value outside its definition.
    Invalid {
        what: &'static str,
        offset: u64,
        bits: InvalidBits,
    },
    /// A structure starts past the end of the file.
    OutOfBounds { what: &'static str, offset: u64 },
    /// `e_shentsize` is not the size of this class's section header.
    BadEntrySize { expected: usize, found: u16 },
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::NotElf(Some(m)) => write!(f, "not an ELF file: the magic is {m:02x?}"),
            ElfError::NotElf(None) => write!(f, "not an ELF file: shorter than its magic"),
            ElfError::Truncated {
                what,
                offset,
                needed,
                found,
            } => write!(
                f,
                "the {what} at file offset {offset} needs {needed}, but the file has {found} from there"
            ),
            ElfError::Invalid { what, offset, bits } => {
                write!(f, "the {what} at file offset {offset}: {bits}")
            }
            ElfError::OutOfBounds { what, offset } => {
                write!(
                    f,
                    "the {what} at file offset {offset} lies past the end of the file"
                )
            }
            ElfError::BadEntrySize { expected, found } => write!(
                f,
                "section headers are {found} bytes each; this class needs {expected}"
            ),
        }
    }
}

impl std::error::Error for ElfError {}

impl ElfError {
    fn size<S, D: ?Sized>(what: &'static str, offset: u64, e: &SizeError<S, D>) -> ElfError {
        ElfError::Truncated {
            what,
            offset,
            needed: e.needed(),
            found: e.found(),
        }
    }

    /// The error of a `try_` conversion to the `Unaligned` type `D`: size or validity.
    fn try_cast<S, D: Unaligned + ?Sized>(
        what: &'static str,
        offset: u64,
        e: TryCastError<S, D>,
    ) -> ElfError {
        let e: ConvertError<Infallible, _, _> = e.into();
        match e {
            ConvertError::Alignment(never) => match never {},
            ConvertError::Size(e) => ElfError::size(what, offset, &e),
            ConvertError::Validity(e) => ElfError::Invalid {
                what,
                offset,
                bits: e.invalid(),
            },
        }
    }
}

/// `EM_X86_64`: AMD x86-64.
pub(crate) const EM_X86_64: u16 = 62;

/// `SHN_XINDEX`: the real index is elsewhere (gABI, "Sections").
const SHN_XINDEX: u16 = 0xffff;

/// The bytes of `file` from `offset` on.
fn tail<'a>(file: &'a [u8], offset: u64, what: &'static str) -> Result<&'a [u8], ElfError> {
    usize::try_from(offset)
        .ok()
        .and_then(|o| file.get(o..))
        .ok_or(ElfError::OutOfBounds { what, offset })
}

/// Reads the identification of `file`: the magic, then the class and byte order.
pub(crate) fn ident(file: &[u8]) -> Result<&Ident, ElfError> {
    let Ok((magic, _)) = <[u8; 4]>::read_from_prefix(file) else {
        return Err(ElfError::NotElf(None));
    };
    if magic != MAGIC {
        return Err(ElfError::NotElf(Some(magic)));
    }
    Ident::try_ref_from_prefix(file)
        .map(|(i, _)| i)
        .map_err(|e| ElfError::try_cast("identification", 0, e))
}

/// Reads the header of `file`, widened.
pub(crate) fn parse_header(file: &[u8]) -> Result<Header, ElfError> {
    match class_and_order(ident(file)?) {
        (Class::Elf32, Encoding::Little) => {
            header::<Header32<LittleEndian>>(file).map(|h| h.widen())
        }
        (Class::Elf32, Encoding::Big) => header::<Header32<BigEndian>>(file).map(|h| h.widen()),
        (Class::Elf64, Encoding::Little) => {
            header::<Header64<LittleEndian>>(file).map(|h| h.widen())
        }
        (Class::Elf64, Encoding::Big) => header::<Header64<BigEndian>>(file).map(|h| h.widen()),
    }
}

/// Reads the header and the section table of `file`.
pub(crate) fn parse(file: &[u8]) -> Result<Elf<'_>, ElfError> {
    match class_and_order(ident(file)?) {
        (Class::Elf32, Encoding::Little) => parse_as::<Header32<LittleEndian>>(file),
        (Class::Elf32, Encoding::Big) => parse_as::<Header32<BigEndian>>(file),
        (Class::Elf64, Encoding::Little) => parse_as::<Header64<LittleEndian>>(file),
        (Class::Elf64, Encoding::Big) => parse_as::<Header64<BigEndian>>(file),
    }
}

fn class_and_order(i: &Ident) -> (Class, Encoding) {
    (i.class, i.data)
}

fn header<H: FileHeader>(file: &[u8]) -> Result<&H, ElfError> {
    H::try_ref_from_prefix(file)
        .map(|(h, _)| h)
        .map_err(|e| ElfError::try_cast(H::WHAT, 0, e))
}

fn parse_as<H: FileHeader>(file: &[u8]) -> Result<Elf<'_>, ElfError> {
    let header = header::<H>(file)?.widen();
    let what = "section header table";
    let mut elf = Elf {
        header,
        sections: Vec::new(),
        shstrndx: header.e_shstrndx.into(),
    };
    if header.e_shoff == 0 {
        return Ok(elf);
    }
    if usize::from(header.e_shentsize) != size_of::<H::Shdr>() {
        return Err(ElfError::BadEntrySize {
            expected: size_of::<H::Shdr>(),
            found: header.e_shentsize,
        });
    }
    let table = tail(file, header.e_shoff, what)?;
    // Section 0 holds the real count and string table index when they do not fit the header.
    let first = H::Shdr::ref_from_prefix(table)
        .map(|(s, _)| H::widen_section(s))
        .map_err(|e| ElfError::size(what, header.e_shoff, &SizeError::from(e)))?;
    let count = match header.e_shnum {
        0 => usize::try_from(first.sh_size).unwrap_or(usize::MAX),
        n => usize::from(n),
    };
    if header.e_shstrndx == SHN_XINDEX {
        elf.shstrndx = first.sh_link;
    }
    let (shdrs, _) = <[H::Shdr]>::ref_from_prefix_with_elems(table, count)
        .map_err(|e| ElfError::size(what, header.e_shoff, &SizeError::from(e)))?;
    elf.sections = shdrs.iter().map(H::widen_section).collect();

    // Look each name up in the section name string table.
    let strtab = match usize::try_from(elf.shstrndx)
        .ok()
        .and_then(|i| elf.sections.get(i))
    {
        Some(s) => {
            let start = tail(file, s.sh_offset, "section name string table")?;
            let len = usize::try_from(s.sh_size).unwrap_or(usize::MAX);
            start.get(..len).unwrap_or(start)
        }
        None => &[],
    };
    for s in &mut elf.sections {
        s.name = usize::try_from(s.sh_name)
            .ok()
            .and_then(|i| strtab.get(i..))
            .map(|bytes| bytes.split(|&b| b == 0).next().unwrap_or(bytes));
    }
    Ok(elf)
}

/// `readelf`'s name of an object file type (`e_type`).
pub(crate) fn file_type_name(t: u16) -> String {
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
pub(crate) fn machine_name(m: u16) -> Option<&'static str> {
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
pub(crate) fn os_abi_name(a: u8) -> Option<&'static str> {
    Some(match a {
        0 => "UNIX - System V",
        3 => "UNIX - GNU",
        9 => "UNIX - FreeBSD",
        _ => return None,
    })
}

/// `readelf`'s name of a section type (`sh_type`) in a file for `e_machine`, for the common ones.
pub(crate) fn section_type_name(kind: u32, e_machine: u16) -> Option<&'static str> {
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
pub(crate) fn section_flags(flags: u64, h: &Header) -> String {
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
pub(crate) fn render(elf: &Elf<'_>) -> String {
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
