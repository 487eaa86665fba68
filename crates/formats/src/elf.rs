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
//! `readelf -h -S -W` does. [`Header::new`] and [`Header::emit`] go the other way: they write a
//! valid header of either class and byte order, which [`parse_header`] reads back equal.

use core::convert::Infallible;
use core::fmt;

use zerocast::byteorder::{BigEndian, ByteOrder, LittleEndian, U16, U32, U64};
use zerocast::error::{InvalidBits, SizeNeeded};
use zerocast::{
    ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, SizeError, TryCastError,
    TryFromBytes, Unaligned,
};

mod emit;
mod render;

pub use emit::{EmitError, EV_CURRENT};
pub use render::{
    file_type_name, machine_name, os_abi_name, render, section_flags, section_type_name,
};

/// `EI_CLASS`: the word size. Any other byte is rejected by validation.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
pub enum Class {
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
pub enum Encoding {
    /// `ELFDATA2LSB`: two's complement, little endian.
    Little = 1,
    /// `ELFDATA2MSB`: two's complement, big endian.
    Big = 2,
}

/// The ELF magic, `e_ident[EI_MAG0..=EI_MAG3]`.
pub const MAGIC: [u8; 4] = *b"\x7fELF";

/// `e_ident`: the first 16 bytes of every ELF file, the same in every class and byte order.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Ident {
    pub magic: [u8; 4],
    pub class: Class,
    pub data: Encoding,
    pub version: u8,
    pub os_abi: u8,
    pub abi_version: u8,
    pub pad: [u8; 7],
}

/// `Elf32_Ehdr`: the file header of a 32-bit file (52 bytes).
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Header32<O: ByteOrder> {
    pub e_ident: Ident,
    pub e_type: U16<O>,
    pub e_machine: U16<O>,
    pub e_version: U32<O>,
    pub e_entry: U32<O>,
    pub e_phoff: U32<O>,
    pub e_shoff: U32<O>,
    pub e_flags: U32<O>,
    pub e_ehsize: U16<O>,
    pub e_phentsize: U16<O>,
    pub e_phnum: U16<O>,
    pub e_shentsize: U16<O>,
    pub e_shnum: U16<O>,
    pub e_shstrndx: U16<O>,
}

/// `Elf64_Ehdr`: the file header of a 64-bit file (64 bytes).
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Header64<O: ByteOrder> {
    pub e_ident: Ident,
    pub e_type: U16<O>,
    pub e_machine: U16<O>,
    pub e_version: U32<O>,
    pub e_entry: U64<O>,
    pub e_phoff: U64<O>,
    pub e_shoff: U64<O>,
    pub e_flags: U32<O>,
    pub e_ehsize: U16<O>,
    pub e_phentsize: U16<O>,
    pub e_phnum: U16<O>,
    pub e_shentsize: U16<O>,
    pub e_shnum: U16<O>,
    pub e_shstrndx: U16<O>,
}

/// `Elf32_Shdr`: one section header of a 32-bit file (40 bytes). Every bit pattern is one.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Shdr32<O: ByteOrder> {
    pub sh_name: U32<O>,
    pub sh_type: U32<O>,
    pub sh_flags: U32<O>,
    pub sh_addr: U32<O>,
    pub sh_offset: U32<O>,
    pub sh_size: U32<O>,
    pub sh_link: U32<O>,
    pub sh_info: U32<O>,
    pub sh_addralign: U32<O>,
    pub sh_entsize: U32<O>,
}

/// `Elf64_Shdr`: one section header of a 64-bit file (64 bytes). Every bit pattern is one.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Shdr64<O: ByteOrder> {
    pub sh_name: U32<O>,
    pub sh_type: U32<O>,
    pub sh_flags: U64<O>,
    pub sh_addr: U64<O>,
    pub sh_offset: U64<O>,
    pub sh_size: U64<O>,
    pub sh_link: U32<O>,
    pub sh_info: U32<O>,
    pub sh_addralign: U64<O>,
    pub sh_entsize: U64<O>,
}

/// The ELF header, widened to 64 bits whatever the file's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Header {
    pub ident: [u8; 16],
    pub class: Class,
    pub data: Encoding,
    pub os_abi: u8,
    pub abi_version: u8,
    pub e_type: u16,
    pub e_machine: u16,
    pub e_version: u32,
    pub e_entry: u64,
    pub e_phoff: u64,
    pub e_shoff: u64,
    pub e_flags: u32,
    pub e_ehsize: u16,
    pub e_phentsize: u16,
    pub e_phnum: u16,
    pub e_shentsize: u16,
    pub e_shnum: u16,
    pub e_shstrndx: u16,
}

/// One section header, widened to 64 bits, with its name looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Section<'a> {
    /// The name from the section name string table; `None` if `sh_name` lies outside it.
    pub name: Option<&'a [u8]>,
    pub sh_name: u32,
    pub sh_type: u32,
    pub sh_flags: u64,
    pub sh_addr: u64,
    pub sh_offset: u64,
    pub sh_size: u64,
    pub sh_link: u32,
    pub sh_info: u32,
    pub sh_addralign: u64,
    pub sh_entsize: u64,
}

/// A parsed ELF file: its header and section table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elf<'a> {
    /// The file header.
    pub header: Header,
    /// The section table, in file order (empty if `e_shoff` is 0).
    pub sections: Vec<Section<'a>>,
    /// The index of the section name string table (`e_shstrndx`, or `sh_link` of section 0
    /// when `e_shstrndx` is `SHN_XINDEX`).
    pub shstrndx: u32,
}

/// A file header of one class and byte order: [`Header32<O>`] or [`Header64<O>`].
pub trait FileHeader: TryFromBytes + KnownLayout + Immutable + Unaligned {
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
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum ElfError {
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
pub const EM_X86_64: u16 = 62;

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
pub fn ident(file: &[u8]) -> Result<&Ident, ElfError> {
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
pub fn parse_header(file: &[u8]) -> Result<Header, ElfError> {
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
pub fn parse(file: &[u8]) -> Result<Elf<'_>, ElfError> {
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
