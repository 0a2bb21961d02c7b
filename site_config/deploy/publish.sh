#!/usr/bin/env bash
# 把生成好的网站传到内网服务器（nginx 配置见同一文件夹的 nginx.conf）。
# 用法：bash site_config/deploy/publish.sh 用户名@服务器:/var/www/kb [网站网址]
# 网站网址：读者访问的地址，例如 https://kb.example.internal/ 或发布在子路径下时的
# https://www.example.internal/kb/（子路径时 nginx 的写法见 nginx.conf 末尾）。
# --delay-updates：所有文件传完后才一起替换，读者不会看到一半新一半旧的网站；
# --delete：删掉服务器上已经不存在的页面。
set -euo pipefail
target="${1:?请写上目标，例如 editor@kb.example.internal:/var/www/kb}"
cd "$(dirname "$0")/../.."
if [ -n "${2:-}" ]; then kb build --site-url "$2"; else kb build; fi
rsync -rtz --delete --delay-updates --chmod=D755,F644 site/ "$target/"
echo "已发布到 $target"
