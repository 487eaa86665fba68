cmp rsi, 7
ja L0
lea rax, [rdi + 8*rsi]
add rax, 16
mov qword ptr [rax], rdx
L0:
ret
