add rdi, 4
mov eax, dword ptr [rdi]
ret
