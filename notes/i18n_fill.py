"""Fill untranslated/fuzzy entries of a PO file from PO fragments (lead's integration tool; not shipped)."""
import ast, glob, json, re, sys
sys.path.insert(0, "/tmp/lead")

def esc(s):
    return json.dumps(s, ensure_ascii=False)

def parse_block(block):
    e, key = {"flags": set()}, None
    for line in block:
        if line.startswith("#,"):
            e["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        else:
            m = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d+\])?|msgctxt)\s+(".*")$', line)
            if m:
                key = m.group(1); e[key] = ast.literal_eval(m.group(2))
            elif line.startswith('"') and key:
                e[key] += ast.literal_eval(line)
    return e

def blocks(text):
    out, cur = [], []
    for line in text.split("\n"):
        if line.strip() == "":
            if cur: out.append(cur); cur = []
        else:
            cur.append(line)
    if cur: out.append(cur)
    return out

def needs(e):
    if "msgid" not in e or e["msgid"] == "": return False
    if "fuzzy" in e["flags"]: return True
    if "msgid_plural" in e: return not e.get("msgstr[0]") or not e.get("msgstr[1]")
    return not e.get("msgstr")

def main(target, fragments):
    comp = {}
    for path in fragments:
        for b in blocks(open(path, encoding="utf-8").read()):
            e = parse_block(b)
            if "msgid" in e and e["msgid"] and "fuzzy" not in e["flags"] and not needs(e):
                comp.setdefault((e.get("msgctxt"), e["msgid"]), e)
    out, missing = [], []
    for b in blocks(open(target, encoding="utf-8").read()):
        if b[0].startswith("#~"):
            continue  # obsolete
        e = parse_block(b)
        if needs(e):
            src = comp.get((e.get("msgctxt"), e["msgid"])) or comp.get((None, e["msgid"]))
            if src is None:
                missing.append(e["msgid"])
            else:
                new, in_msgstr = [], False
                for line in b:
                    if line.startswith("#|"):
                        continue
                    if line.startswith("#,"):
                        flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
                        if flags: new.append("#, " + ", ".join(flags))
                        continue
                    if line.startswith("msgstr"):
                        in_msgstr = True
                        continue
                    if line.startswith('"') and in_msgstr:
                        continue
                    in_msgstr = False
                    new.append(line)
                # drop continuation lines that belonged to msgstr (handled above by order)
                if "msgid_plural" in e:
                    new.append("msgstr[0] " + esc(src.get("msgstr[0]") or src.get("msgstr", "")))
                    new.append("msgstr[1] " + esc(src.get("msgstr[1]") or src.get("msgstr[0]") or src.get("msgstr", "")))
                else:
                    new.append("msgstr " + esc(src.get("msgstr") or src.get("msgstr[0]", "")))
                b = new
        out.append(b)
    open(target, "w", encoding="utf-8").write("\n\n".join("\n".join(b) for b in out) + "\n")
    print(f"missing {len(missing)}")
    for m in missing: print("  ", repr(m))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
