mov eax, edx
mov qword ptr [rdi], rsi
mov qword ptr [rdi + 8], rax
mov word ptr [rdi + 68], 0
mov word ptr [rdi + 66], cx
ret
