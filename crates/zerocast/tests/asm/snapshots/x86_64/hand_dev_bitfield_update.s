mov eax, dword ptr [rdi]
or eax, 1
mov dword ptr [rdi], eax
ret
