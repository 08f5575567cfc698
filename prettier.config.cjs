// Copyright 2026 CRM Practices contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// OCA's 18.0 repository template (prettier.config.cjs); prettier and its XML plugin are
// pinned in tools/prettier/package-lock.json (tools/test runs npm ci there).
/** @type {import('prettier').Config} */
const config = {
    // https://github.com/prettier/prettier/issues/15388#issuecomment-1717746872
    plugins: [
        require.resolve("@prettier/plugin-xml", {
            paths: [`${__dirname}/tools/prettier`],
        }),
    ],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "strict",
};
module.exports = config;
