mov rax, qword ptr [rdi]
mov rcx, qword ptr [rdi + 8]
mov qword ptr [rsi], rax
mov qword ptr [rsi + 8], rcx
ret
