// The reference graph (`KubeLintGraph`) is the rules' model of edges: every file of this module
// and of the layers above sees its types, as they see the model's.
@_exported import KubeLintGraph
