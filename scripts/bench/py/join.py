parts = ["item%d" % i for i in range(1, 100001)]
print(len(",".join(parts)))
