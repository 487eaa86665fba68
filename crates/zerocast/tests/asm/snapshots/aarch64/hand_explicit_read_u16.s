ldrh w0, [x0]
ret
