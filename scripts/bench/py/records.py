records = [{"Id": i, "Size": (i * 7919) % 1000, "Name": "n%d" % i} for i in range(1, 100001)]
sel = sorted((r for r in records if r["Size"] > 500), key=lambda r: r["Size"])
print(sum(r["Size"] for r in sel))
