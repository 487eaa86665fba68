or dword ptr [rdi], 1
ret
