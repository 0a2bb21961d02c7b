#!/usr/bin/env bash
# 把生成好的网站传到内网服务器（nginx 配置见同一文件夹的 nginx.conf）。
# 用法：bash site_config/deploy/publish.sh 用户名@服务器:/var/www/kb
# --delay-updates：所有文件传完后才一起替换，读者不会看到一半新一半旧的网站；
# --delete：删掉服务器上已经不存在的页面。
set -euo pipefail
target="${1:?请写上目标，例如 editor@kb.example.internal:/var/www/kb}"
cd "$(dirname "$0")/../.."
kb build
rsync -rtz --delete --delay-updates --chmod=D755,F644 site/ "$target/"
echo "已发布到 $target"
