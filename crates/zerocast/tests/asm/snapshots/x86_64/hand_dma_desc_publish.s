mov eax, edx
mov qword ptr [rdi], rsi
lea rdx, [rdi + 8]
mov qword ptr [rdx], rax
lea rax, [rdi + 66]
add rdi, 68
xor edx, edx
mov word ptr [rdi], dx
mov word ptr [rax], cx
ret
