add rdi, 12
mov eax, dword ptr [rdi]
or eax, 128
mov dword ptr [rdi], eax
ret
