// SPDX-License-Identifier: MIT OR Apache-2.0
//! A driver-shaped crate over zerocast, built by `tools/kernel/build.sh` as a kernel module's
//! `.rs` file is: `no_std` (`-Zcrate-attr=no_std`), the kernel's lints with warnings denied,
//! `--extern zerocast`. It uses every derive and every macro of zerocast, so that the code they
//! generate is checked under those lints too. It is compiled, never run.

use core::hash::{Hash, Hasher};
use core::ptr::NonNull;

use zerocast::byteorder::{BigEndian, Le32, LittleEndian, U16, U32, U64};
use zerocast::device::{
    DevicePtrMut, ReadOnly, ReadPure, ReadWrite, Reg, RegArray, RegStride, Regs, RegsDyn,
    WriteOnly,
};
use zerocast::record::{record_from_prefix, Records};
use zerocast::{
    bitfield, field, include_value, split_fields, transmute, transmute_mut, transmute_ref,
    try_transmute, try_transmute_mut, try_transmute_ref, BitEnum, ByteEq, ByteHash, FromBytes,
    FromZeros, Immutable, IntoBytes, KnownLayout, Record, SplitAt, TryFromBytes, Unaligned,
};

/// A descriptor as the device writes it to memory: fixed layout, no padding.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, ByteEq, ByteHash)]
#[repr(C)]
pub struct Descriptor {
    /// Bus address of the buffer.
    pub addr: U64<LittleEndian>,
    /// Length of the buffer in bytes.
    pub len: U32<LittleEndian>,
    /// Flags, see [`DescFlags`].
    pub flags: U16<LittleEndian>,
    /// Identifies the request.
    pub tag: U16<LittleEndian>,
}

/// The state a device reports: only the listed values are valid, zero among them.
#[derive(FromZeros, IntoBytes, KnownLayout, Immutable)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum State {
    /// Powered off.
    Off = 0,
    /// Running.
    Running = 1,
    /// Stopped after an error.
    Failed = 0xff,
}

/// A reply: a status byte the device may get wrong, then a counter.
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
pub struct Reply {
    /// Validated when the reply is read.
    pub state: State,
    /// Whether the reply carries data.
    pub has_data: bool,
    /// Requests served.
    pub served: U16<BigEndian>,
}

/// A message: a header, then `len` bytes of payload.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, SplitAt, Record)]
#[repr(C)]
#[zerocast(len = len, unit = bytes, align = 1)]
pub struct Message {
    /// Message kind.
    pub kind: u8,
    /// Payload length in bytes.
    pub len: u8,
    /// The payload.
    pub payload: [u8],
}

/// How a queue runs.
#[derive(BitEnum, Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Mode {
    /// Interrupt per completion.
    Irq = 0,
    /// Polled.
    Poll = 1,
    /// Batched interrupts.
    Batch = 2,
}

bitfield! {
    /// The flags of a [`Descriptor`].
    pub struct DescFlags(u16) {
        15:15 _ = 0;
        14 last as bool;
        13:12 mode as? Mode;
        11:0 segment as u16;
    }
}

bitfield! {
    /// The controller's status: little-endian in the device, one field checked when read (3 is
    /// reserved), so the other fields stay readable whatever it holds.
    pub struct Status(Le32) {
        0 ready as bool;
        3:2 mode ?=> Mode;
        15:8 queues as u8;
    }
}

/// The controller's registers as a struct, for field projections.
#[repr(C)]
pub struct Uart {
    /// Transmit holding register.
    pub data: WriteOnly<u32>,
    /// Line status.
    pub status: ReadOnly<u32>,
    /// Identification, free of side effects.
    pub id: ReadPure<u32>,
}

type Ctrl = Reg<ReadWrite<u32>, 0x0>;
type Stat = Reg<ReadOnly<Status>, 0x4>;
type Doorbell = Reg<WriteOnly<u32>, 0x8>;
type Scratch = RegArray<ReadWrite<u32>, 0x10, 4, 4>;

zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    /// A key block seen as words or bytes (zerocopy's hidden macro, for crates that call it).
    pub union KeyBlock {
        /// As words.
        pub words: [u32; 4],
        /// As bytes.
        pub bytes: [u8; 16],
    }
}

/// The firmware's magic number, built into the module.
pub const FW_MAGIC: u64 = include_value!("../../../crates/zerocast/tests/data/include_value.bin");

/// Two words as one, checked at compile time.
pub const PAIR: u64 = transmute!([1u32, 2]);

/// The first half of [`PAIR`]'s bytes.
pub const HALF: u32 = transmute!(#![allow(shrink)] PAIR);

/// A key block's bytes.
pub fn key_bytes(key: &KeyBlock) -> &[u8] {
    key.as_bytes()
}

/// Parses a descriptor ring: `None` if `bytes` is not a whole number of descriptors.
pub fn ring(bytes: &[u8]) -> Option<&[Descriptor]> {
    <[Descriptor]>::ref_from_bytes(bytes).ok()
}

/// Reads a reply, checking its state and flag bytes.
pub fn reply(bytes: &[u8]) -> Option<(State, bool, u16)> {
    let reply = Reply::try_ref_from_bytes(bytes).ok()?;
    Some((reply.state, reply.has_data, reply.served.get()))
}

/// The flags of a descriptor, if their reserved bit is clear and the mode is known.
pub fn flags(desc: &Descriptor) -> Option<(bool, Mode, u16)> {
    let flags = DescFlags::try_from_bits(desc.flags.get()).ok()?;
    Some((flags.last(), flags.mode(), flags.segment().get()))
}

/// Walks the messages of a buffer; returns how many there are and the kinds' sum.
pub fn messages(bytes: &[u8]) -> (usize, u32) {
    let (mut count, mut kinds) = (0_usize, 0_u32);
    for message in Records::<Message>::new(bytes).flatten() {
        count = count.saturating_add(1);
        kinds = kinds.saturating_add(u32::from(message.kind));
    }
    (count, kinds)
}

/// The first message's payload split after `at` bytes.
pub fn split_payload(bytes: &[u8], at: usize) -> Option<(&[u8], &[u8])> {
    let (message, _) = record_from_prefix::<Message>(bytes).ok()?;
    let (head, tail) = message.split_at(at)?.via_immutable();
    Some((&head.payload, tail))
}

/// Hashes a descriptor's bytes and compares it with another.
pub fn same<H: Hasher>(a: &Descriptor, b: &Descriptor, hasher: &mut H) -> bool {
    a.hash(hasher);
    a == b
}

/// The conversion macros, by reference and by value.
pub fn conversions(words: &mut [u32; 2], raw: &mut [u8; 1]) -> Option<u8> {
    let bytes: &[u8; 8] = transmute_ref!(&*words);
    let first = bytes[0];
    let halves: &mut [u16; 4] = transmute_mut!(words);
    halves[0] = 1;
    let state: State = try_transmute!(raw[0]).ok()?;
    let by_ref: &State = try_transmute_ref!(&*raw).ok()?;
    let same = state == *by_ref;
    let flag: &mut bool = try_transmute_mut!(raw).ok()?;
    *flag = same;
    Some(first)
}

/// Talks to a controller mapped at `base`.
///
/// # Safety
///
/// `base` must point to the controller's 32 bytes of registers, mapped, aligned to 8, and
/// accessed through nothing else while this runs.
pub unsafe fn probe(base: NonNull<u8>) -> Option<u32> {
    // SAFETY: the caller promises a mapped block of 32 bytes, aligned, used only here.
    let mut regs = unsafe { Regs::<32>::new(base) }?;
    regs.write::<Ctrl>(1);
    regs.update::<Ctrl>(|v| v | 0x100);
    let status = regs.read::<Stat>();
    if !status.ready() || status.mode().is_err() {
        return None;
    }
    regs.write::<Doorbell>(u32::from(status.queues()));
    regs.elem::<Scratch>(3).ok()?.write(0xabcd);
    regs.reg_at::<ReadWrite<Le32>>(0x14).ok()?.write(Le32::new(5));
    // Doorbells whose stride the controller reports at run time (`4 << DSTRD`).
    let doorbells = RegStride::<WriteOnly<u32>>::new(0x10, 4 << (regs.read::<Ctrl>() & 1), 2);
    regs.elem_at(&doorbells, 1).ok()?.write(1);
    regs.block::<8, 8>().write::<Reg<WriteOnly<u32>, 0>>(7);
    let mut dynamic: RegsDyn<'_> = regs.as_dyn();
    dynamic.update::<Ctrl>(|v| v & !1).ok()?;
    dynamic.sub(16, 16).ok()?.write::<Reg<ReadWrite<u32>, 12>>(2).ok()?;
    Some(regs.read::<Ctrl>())
}

/// Sends bytes while the transmitter is ready; returns how many went out.
pub fn send(uart: &mut Uart, bytes: &[u8]) -> (u32, usize) {
    let ptr = DevicePtrMut::from_mut(uart);
    let id = field!(ptr.as_shared(), Uart, id).read();
    let (mut data, mut status) = split_fields!(ptr, Uart, data, status);
    let mut sent = 0_usize;
    for &b in bytes {
        if status.read() & (1 << 5) == 0 {
            break;
        }
        data.write(u32::from(b));
        sent = sent.saturating_add(1);
    }
    (id, sent)
}
