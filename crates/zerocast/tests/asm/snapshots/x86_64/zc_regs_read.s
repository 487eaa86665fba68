add rdi, 20
mov eax, dword ptr [rdi]
ret
