// Stand-in for office-addin-manifest, which office-addin-mock requires only for its OfficeApp
// enum (the host names). The real package pulls in network and usage-data code tests never use.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
