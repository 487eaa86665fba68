ubfx w0, w0, #2, #6
ret
