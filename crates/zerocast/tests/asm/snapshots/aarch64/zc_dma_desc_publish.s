str x1, [x0]
mov w9, w2
add x10, x0, #8
str x9, [x10]
mov w8, wzr
add x9, x0, #68
strh w8, [x9]
add x8, x0, #66
dmb oshst
strh w3, [x8]
ret
