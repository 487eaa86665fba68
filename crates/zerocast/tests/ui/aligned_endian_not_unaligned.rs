// SPDX-License-Identifier: MIT OR Apache-2.0
//! The aligned byte-order integers keep their native alignment: they are not `Unaligned`, so a
//! reference to one cannot be made at any offset (use `byteorder::U32<LittleEndian>` there).
use zerocast::byteorder::Le32;

fn needs_unaligned<T: zerocast::Unaligned>() {}

fn main() {
    needs_unaligned::<Le32>();
}
