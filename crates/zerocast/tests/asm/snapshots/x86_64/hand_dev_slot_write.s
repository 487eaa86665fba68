cmp rsi, 7
ja L0
mov qword ptr [rdi + 8*rsi + 16], rdx
L0:
ret
