// SPDX-License-Identifier: MIT OR Apache-2.0
//! Writing an ELF file header: [`Header::new`] makes a consistent one, [`Header::emit`] writes
//! it as a [`Header32<O>`] or [`Header64<O>`] in the class and byte order it names.
//!
//! The header is built by value from zerocast types (`U16<O>`, `U32<O>`, `U64<O>`, the `Class`
//! and `Encoding` enums) and copied out with [`IntoBytes::write_to_prefix`]: no offsets and no
//! byte swapping here either.

use core::fmt;

use zerocast::byteorder::{BigEndian, ByteOrder, LittleEndian, U16, U32, U64};
use zerocast::{Immutable, IntoBytes};

use super::{Class, Encoding, Header, Header32, Header64, Ident, Shdr32, Shdr64, MAGIC};

/// `EV_CURRENT`: the only ELF version, in `e_ident[EI_VERSION]` and `e_version`.
pub const EV_CURRENT: u8 = 1;

/// The size of `Elf32_Phdr`, a 32-bit program header (gABI, "Program Header").
const PHDR32_SIZE: u16 = 32;
/// The size of `Elf64_Phdr`, a 64-bit program header.
const PHDR64_SIZE: u16 = 56;

/// Why a header could not be written. When [`Header::emit`] fails it has written nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmitError {
    /// The buffer is shorter than the header.
    BufferTooShort {
        /// The header's size: 52 bytes for ELF32, 64 for ELF64.
        needed: usize,
        /// The buffer's length.
        found: usize,
    },
    /// `ident` disagrees with the header: its magic is not `\x7fELF`, or its class, data,
    /// OS/ABI or ABI version byte is not the field of the same name.
    Ident {
        /// The index in `e_ident` (`EI_MAG0`..`EI_ABIVERSION`).
        index: usize,
        /// The byte in `ident`.
        found: u8,
        /// The byte the field (or the magic) says.
        expected: u8,
    },
    /// A value an ELF32 header has only 32 bits for.
    DoesNotFit {
        /// The field (`e_entry`, `e_phoff` or `e_shoff`).
        field: &'static str,
        /// Its value.
        value: u64,
    },
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::BufferTooShort { needed, found } => write!(
                f,
                "the ELF header needs {needed} bytes, but the buffer has {found}"
            ),
            EmitError::Ident {
                index,
                found,
                expected,
            } => write!(
                f,
                "e_ident[{index}] is {found:#04x}, but the header says {expected:#04x}"
            ),
            EmitError::DoesNotFit { field, value } => {
                write!(f, "{field} {value:#x} does not fit an ELF32 header")
            }
        }
    }
}

impl std::error::Error for EmitError {}

impl Header {
    /// A header of `class` and byte order `data` for a file of type `e_type` (`ET_REL` is 1,
    /// `ET_EXEC` 2, `ET_DYN` 3) for the machine `e_machine`: version 1, the System V ABI, the
    /// class's header, program header and section header sizes, and no tables (entry point,
    /// offsets, counts and flags zero). Set the fields, then [`emit`](Header::emit).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast_formats::elf::{self, Class, Encoding, Header};
    ///
    /// let mut h = Header::new(Class::Elf32, Encoding::Big, 2, 8); // EXEC, MIPS
    /// h.e_entry = 0x40_0100;
    /// let mut buf = [0; 52];
    /// assert_eq!(h.emit(&mut buf), Ok(52));
    /// assert_eq!(buf[..6], *b"\x7fELF\x01\x02");
    /// assert_eq!(elf::parse_header(&buf), Ok(h));
    /// ```
    #[must_use]
    pub fn new(class: Class, data: Encoding, e_type: u16, e_machine: u16) -> Header {
        let (ehsize, phentsize, shentsize) = match class {
            Class::Elf32 => (
                size_of::<Header32<LittleEndian>>(),
                PHDR32_SIZE,
                size_of::<Shdr32<LittleEndian>>(),
            ),
            Class::Elf64 => (
                size_of::<Header64<LittleEndian>>(),
                PHDR64_SIZE,
                size_of::<Shdr64<LittleEndian>>(),
            ),
        };
        let mut ident = [0; 16];
        for (i, b) in
            ident.iter_mut().zip(
                MAGIC
                    .into_iter()
                    .chain([class as u8, data as u8, EV_CURRENT]),
            )
        {
            *i = b;
        }
        Header {
            ident,
            class,
            data,
            os_abi: 0,
            abi_version: 0,
            e_type,
            e_machine,
            e_version: EV_CURRENT.into(),
            e_entry: 0,
            e_phoff: 0,
            e_shoff: 0,
            e_flags: 0,
            // CAST: the header structs are 52 and 64 bytes, the section headers 40 and 64.
            e_ehsize: ehsize as u16,
            e_phentsize: phentsize,
            e_shnum: 0,
            e_phnum: 0,
            e_shentsize: shentsize as u16,
            e_shstrndx: 0,
        }
    }

    /// The size of the header [`emit`](Header::emit) writes: 52 bytes for ELF32, 64 for ELF64.
    #[must_use]
    pub fn size(&self) -> usize {
        match self.class {
            Class::Elf32 => size_of::<Header32<LittleEndian>>(),
            Class::Elf64 => size_of::<Header64<LittleEndian>>(),
        }
    }

    /// Writes the header at the start of `buf` in its class and byte order; returns the number
    /// of bytes written, [`size`](Header::size). [`parse_header`](super::parse_header) reads
    /// the bytes back as a header equal to `self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast_formats::elf::{Class, EmitError, Encoding, Header};
    ///
    /// let mut h = Header::new(Class::Elf64, Encoding::Little, 3, 62);
    /// h.e_entry = 0x1040;
    /// let mut buf = vec![0; h.size()];
    /// h.emit(&mut buf).unwrap();
    /// assert_eq!(buf[24..32], 0x1040u64.to_le_bytes()); // e_entry, at 24 in ELF64
    ///
    /// // ELF32 has 32 bits for it.
    /// let mut h = Header::new(Class::Elf32, Encoding::Little, 2, 3);
    /// h.e_entry = 1 << 32;
    /// assert_eq!(
    ///     h.emit(&mut buf),
    ///     Err(EmitError::DoesNotFit { field: "e_entry", value: 1 << 32 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`EmitError::BufferTooShort`] if `buf` is shorter than the header,
    /// [`EmitError::Ident`] if `ident` disagrees with the fields, [`EmitError::DoesNotFit`] if
    /// an address or offset of an ELF32 header needs more than 32 bits. Nothing is written
    /// then.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let ident = self.checked_ident()?;
        match (self.class, self.data) {
            (Class::Elf32, Encoding::Little) => write(&self.narrow::<LittleEndian>(ident)?, buf),
            (Class::Elf32, Encoding::Big) => write(&self.narrow::<BigEndian>(ident)?, buf),
            (Class::Elf64, Encoding::Little) => write(&self.wide::<LittleEndian>(ident), buf),
            (Class::Elf64, Encoding::Big) => write(&self.wide::<BigEndian>(ident), buf),
        }
    }

    /// `ident` as the typed identification, if it agrees with the fields.
    fn checked_ident(&self) -> Result<Ident, EmitError> {
        let [m0, m1, m2, m3, class, data, version, os_abi, abi_version, pad @ ..] = self.ident;
        let expected = MAGIC.into_iter().chain([
            self.class as u8,
            self.data as u8,
            version,
            self.os_abi,
            self.abi_version,
        ]);
        let found = [m0, m1, m2, m3, class, data, version, os_abi, abi_version];
        for (index, (found, expected)) in found.into_iter().zip(expected).enumerate() {
            if found != expected {
                return Err(EmitError::Ident {
                    index,
                    found,
                    expected,
                });
            }
        }
        Ok(Ident {
            magic: MAGIC,
            class: self.class,
            data: self.data,
            version,
            os_abi,
            abi_version,
            pad,
        })
    }

    fn narrow<O: ByteOrder>(&self, e_ident: Ident) -> Result<Header32<O>, EmitError> {
        let word = |field: &'static str, value: u64| {
            u32::try_from(value)
                .map(U32::new)
                .map_err(|_| EmitError::DoesNotFit { field, value })
        };
        Ok(Header32 {
            e_ident,
            e_type: U16::new(self.e_type),
            e_machine: U16::new(self.e_machine),
            e_version: U32::new(self.e_version),
            e_entry: word("e_entry", self.e_entry)?,
            e_phoff: word("e_phoff", self.e_phoff)?,
            e_shoff: word("e_shoff", self.e_shoff)?,
            e_flags: U32::new(self.e_flags),
            e_ehsize: U16::new(self.e_ehsize),
            e_phentsize: U16::new(self.e_phentsize),
            e_phnum: U16::new(self.e_phnum),
            e_shentsize: U16::new(self.e_shentsize),
            e_shnum: U16::new(self.e_shnum),
            e_shstrndx: U16::new(self.e_shstrndx),
        })
    }

    fn wide<O: ByteOrder>(&self, e_ident: Ident) -> Header64<O> {
        Header64 {
            e_ident,
            e_type: U16::new(self.e_type),
            e_machine: U16::new(self.e_machine),
            e_version: U32::new(self.e_version),
            e_entry: U64::new(self.e_entry),
            e_phoff: U64::new(self.e_phoff),
            e_shoff: U64::new(self.e_shoff),
            e_flags: U32::new(self.e_flags),
            e_ehsize: U16::new(self.e_ehsize),
            e_phentsize: U16::new(self.e_phentsize),
            e_phnum: U16::new(self.e_phnum),
            e_shentsize: U16::new(self.e_shentsize),
            e_shnum: U16::new(self.e_shnum),
            e_shstrndx: U16::new(self.e_shstrndx),
        }
    }
}

/// Copies `value`'s bytes to the start of `buf`; returns how many.
fn write<T: IntoBytes + Immutable>(value: &T, buf: &mut [u8]) -> Result<usize, EmitError> {
    let found = buf.len();
    match value.write_to_prefix(buf) {
        Ok(()) => Ok(size_of::<T>()),
        Err(_) => Err(EmitError::BufferTooShort {
            needed: size_of::<T>(),
            found,
        }),
    }
}
