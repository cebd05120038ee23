// Stand-in for office-addin-manifest, which office-addin-mock requires but never uses in tests.
module.exports = {};
