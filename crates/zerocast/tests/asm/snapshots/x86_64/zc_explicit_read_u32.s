mov eax, dword ptr [rdi]
ret
