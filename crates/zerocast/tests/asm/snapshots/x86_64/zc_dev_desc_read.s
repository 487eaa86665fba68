mov rax, qword ptr [rdi]
add rdi, 8
mov rcx, qword ptr [rdi]
mov qword ptr [rsi], rax
mov qword ptr [rsi + 8], rcx
ret
